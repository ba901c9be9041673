using CampaignHub.Web.Domain;

namespace CampaignHub.Web.Features.Campaigns;

/// <summary>A campaign as shown and returned by the API; targets by metric code, dates as YYYY-MM-DD.</summary>
public sealed record CampaignDetails(
    int Id,
    string Name,
    string? NameEn,
    string? Theme,
    string? ThemeEn,
    string? Edition,
    string? EditionEn,
    DateOnly StartDate,
    DateOnly EndDate,
    IReadOnlyList<int> OrganiserIds,
    IReadOnlyList<string> OrganiserNames,
    IReadOnlyList<int> UnitIds,
    IReadOnlyList<string> UnitNames,
    IReadOnlyDictionary<string, decimal> Targets,
    IReadOnlyList<OutcomeDetails> Outcomes,
    long Version)
{
    public string? Description { get; init; }

    public string? DescriptionEn { get; init; }

    public string? ReportingMedia { get; init; }

    public string? ReportingMediaEn { get; init; }

    /// <summary>The programme the campaign belongs to, if any, and its names.</summary>
    public int? ProgrammeId { get; init; }

    public string? ProgrammeName { get; init; }

    public string? ProgrammeNameEn { get; init; }
    public string? Aim { get; init; }

    public string? AimEn { get; init; }

    public CampaignForm Form { get; init; }

    public string ReportLanguage { get; init; } = CampaignLimits.DefaultReportLanguage;

    public IReadOnlyList<int> HostIds { get; init; } = [];

    public IReadOnlyList<string> HostNames { get; init; } = [];

    public IReadOnlyList<int> CoOrganiserIds { get; init; } = [];

    public IReadOnlyList<string> CoOrganiserNames { get; init; } = [];

    public IReadOnlyList<int> PartnerSiteIds { get; init; } = [];

    public IReadOnlyList<string> PartnerSiteNames { get; init; } = [];

    public int? PartnerSiteCount { get; init; }

    public OrganisationKind? PartnerSiteKind { get; init; }

    public IReadOnlyList<RegionDetails> Regions { get; init; } = [];

    public IReadOnlyList<AwardDetails> Awards { get; init; } = [];
}

/// <summary>An outcome indicator as stored; metrics by code.</summary>
public sealed record OutcomeDetails(int Id, string Name, string? NameEn, decimal? RatePercent, string? Note)
{
    public OutcomeKind Kind { get; init; }

    public OutcomeBound Bound { get; init; }

    public decimal? Numerator { get; init; }

    public decimal? Denominator { get; init; }

    public int? SampleSize { get; init; }

    public string? Method { get; init; }

    public string? MethodEn { get; init; }

    public DateOnly? MeasuredOn { get; init; }

    public string? NumeratorMetric { get; init; }

    public string? DenominatorMetric { get; init; }

    public decimal? TargetPercent { get; init; }
}

public sealed record RegionDetails(string Name, string? NameEn);

public sealed record AwardDetails(int Id, string Name, string? NameEn, int? EventId, int? RecipientCount, IReadOnlyList<RecipientDetails> Recipients);

public sealed record RecipientDetails(string Name, string? NameEn, string? Organisation, string? OrganisationEn);

/// <summary>A row of the campaign list.</summary>
public sealed record CampaignListItem(
    int Id,
    string Name,
    string? NameEn,
    string? Theme,
    string? ThemeEn,
    string? Edition,
    string? EditionEn,
    DateOnly StartDate,
    DateOnly EndDate,
    int UnitCount,
    int EventCount,
    long Version)
{
    /// <summary>The programme the campaign belongs to, if any.</summary>
    public string? ProgrammeName { get; init; }

    public string? ProgrammeNameEn { get; init; }
}

/// <summary>A programme a campaign can be put in.</summary>
public sealed record ProgrammeChoice(int Id, string Name, string? NameEn);

/// <summary>An event of the campaign, to choose the one an award was given at.</summary>
public sealed record CampaignEventChoice(int Id, string Title, string? TitleEn, DateTime Start);
