namespace CampaignHub.Web.Domain;

/// <summary>
/// The lengths and counts of the reporting cycle's inputs, shared by the database columns, the services' rules and
/// the forms.
/// </summary>
public static class ReportingLimits
{
    public const int PeriodNameMaxLength = 100;
    public const int PeriodNameEnMaxLength = 200;

    /// <summary>A reviewer's comment on a returned item: a paragraph, not a document.</summary>
    public const int CommentMaxLength = 2_000;

    /// <summary>A coordinator's note to the reviewer.</summary>
    public const int NoteMaxLength = 2_000;

    public const int ExcuseReasonMaxLength = 500;

    /// <summary>Ten years of weekly periods; a campaign's generator stops there.</summary>
    public const int MaxPeriodsPerCampaign = 520;

    /// <summary>The units one reminder request names.</summary>
    public const int MaxReminderUnits = 1_000;
}
