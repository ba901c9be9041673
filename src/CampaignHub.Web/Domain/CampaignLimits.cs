namespace CampaignHub.Web.Domain;

/// <summary>Lengths and ranges of a campaign's parts that the database and the campaign's rules share.</summary>
public static class CampaignLimits
{
    public const string DefaultReportLanguage = "zh-CN";
    public const int LanguageMaxLength = 10;
    public const int AimMaxLength = 1000;
    public const int RegionNameMaxLength = 100;
    public const int OutcomeMethodMaxLength = 200;
    public const int AwardNameMaxLength = 200;
    public const int RecipientNameMaxLength = 100;
    public const int RecipientOrganisationMaxLength = 200;

    /// <summary>Partner sites counted, and recipients of one award counted, at most: far above any campaign of the seeds.</summary>
    public const int MaxCount = 100_000;

    /// <summary>A measured rate's numerator and denominator at most (people followed up).</summary>
    public const decimal MaxOutcomeCount = 1_000_000_000m;
}
