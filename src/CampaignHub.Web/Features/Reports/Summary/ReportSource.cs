using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Programmes;
using CampaignHub.Web.Features.Campaigns;
using CampaignHub.Web.Features.Totals;

namespace CampaignHub.Web.Features.Reports.Summary;

/// <summary>
/// What the report says about the campaign: its names, form, edition, theme, aim, description, organisers by role,
/// partner sites, regions, awards and media.
/// </summary>
public sealed record ReportCampaign(
    string Name, string? NameEn, string? Theme, string? ThemeEn, string? Edition, string? EditionEn,
    string? Description, string? DescriptionEn, string? ReportingMedia, string? ReportingMediaEn,
    DateOnly StartDate, DateOnly EndDate, IReadOnlyList<(string Name, string? NameEn)> Organisers)
{
    public CampaignForm Form { get; init; } = CampaignForm.PreventionWeek;

    public string? Aim { get; init; }

    public string? AimEn { get; init; }

    public IReadOnlyList<(string Name, string? NameEn)> Hosts { get; init; } = [];

    public IReadOnlyList<(string Name, string? NameEn)> CoOrganisers { get; init; } = [];

    public IReadOnlyList<(string Name, string? NameEn, OrganisationKind Kind)> PartnerSites { get; init; } = [];

    /// <summary>How many partner sites took part, when more than are listed.</summary>
    public int? PartnerSiteCount { get; init; }

    public OrganisationKind? PartnerSiteKind { get; init; }

    public IReadOnlyList<(string Name, string? NameEn)> Regions { get; init; } = [];

    public IReadOnlyList<ReportAward> Awards { get; init; } = [];

    /// <summary>All partner sites, listed or only counted.</summary>
    public int PartnerSiteTotal => Math.Max(PartnerSiteCount ?? 0, PartnerSites.Count);
}

/// <summary>An award: its name, the event it was given at, its recipients and how many received it.</summary>
public sealed record ReportAward(
    string Name, string? NameEn, string? EventTitle, string? EventTitleEn, DateOnly? GivenOn, int? RecipientCount,
    IReadOnlyList<(string Name, string? NameEn, string? Organisation, string? OrganisationEn)> Recipients)
{
    /// <summary>Everyone who received it, named or only counted.</summary>
    public int Total => Math.Max(RecipientCount ?? 0, Recipients.Count);
}

/// <summary>A unit of one event, by id and name.</summary>
public sealed record ReportUnit(int Id, string Name, string? NameEn);

/// <summary>An event as a report tells it: when, what, where, who, its narrative and its own figures.</summary>
public sealed record ReportEvent(
    int Id,
    string Title,
    string? TitleEn,
    string? SectionGroup,
    EventKind Kind,
    EventChannel Channel,
    OnlinePlatform? Platform,
    string? PlatformDetail,
    DateTime Start,
    DateTime End,
    string? Place,
    string? PlaceEn,
    IReadOnlyList<ReportUnit> Units,
    string? Narrative,
    string? NarrativeEn,
    bool Highlight,
    IReadOnlyList<MetricTotal> Figures)
{
    /// <summary>A roadshow's series and this event's stop in it (<see cref="ReportStop"/>).</summary>
    public string? SeriesName { get; init; }

    /// <summary>The section group's heading in an English report.</summary>
    public string? SectionGroupEn { get; init; }

    /// <summary>The heading of the event's section group in the report's language; null when it has none.</summary>
    public string? SectionHeading(ReportTexts texts) =>
        string.IsNullOrWhiteSpace(SectionGroup) ? null
        : texts.IsEnglish && !string.IsNullOrWhiteSpace(SectionGroupEn) ? SectionGroupEn.Trim()
        : SectionGroup.Trim();

    public int? StopNumber { get; init; }

    /// <summary>The host organisation, also when a venue is the event's <see cref="Place"/>.</summary>
    public (string Name, string? NameEn)? Host { get; init; }

    /// <summary>The next stop's host, handed the series at this event, and who handed over to whom.</summary>
    public (string Name, string? NameEn)? NextHost { get; init; }

    public string? HandoverFrom { get; init; }

    public string? HandoverTo { get; init; }

    public int? ExpertTeamSize { get; init; }

    /// <summary>The people on the programme, in order.</summary>
    public IReadOnlyList<ReportPerson> People { get; init; } = [];
}

/// <summary>An event of the period that has not started yet: when, what, which stop of a series, where.</summary>
public sealed record ReportUpcoming(
    int Id, string Title, string? TitleEn, DateTime Start, string? SeriesName, int? StopNumber, string? Place, string? PlaceEn);

/// <summary>
/// Everything a report is written from: the campaign, the report's scope and language, the period's statistics,
/// and the events its sections may tell (by id). <see cref="Story"/> is the default draft's choice of events: the
/// highlighted ones of the campaign's whole story, lead-up and follow-up included, in date order.
/// <see cref="ApprovalNote"/> names the units whose figures are not approved yet (reporting cycle), or is null.
/// </summary>
public sealed record ReportSource(
    int CampaignId,
    int? UnitId,
    string? UnitName,
    string? UnitNameEn,
    DateOnly From,
    DateOnly To,
    ReportTexts Texts,
    ReportCampaign Campaign,
    CampaignStatistics Statistics,
    IReadOnlyList<string> MetricCodes,
    IReadOnlyDictionary<int, ReportEvent> Events,
    IReadOnlyList<int> Story,
    IReadOnlyList<EventKind> KindsHeld,
    string? ApprovalNote = null)
{
    /// <summary>The outcomes and the screening funnel over the period; the report's fields and results table read them.</summary>
    public CampaignResults Results { get; init; } = CampaignResults.Empty;

    public FieldValues Fields => fields ??= FieldValues.From(Statistics, MetricCodes, Results);

    private FieldValues? fields;

    /// <summary>The roadshow stops of the campaign's story, upcoming ones included, by series and number.</summary>
    public IReadOnlyList<ReportStop> Stops { get; init; } = [];

    /// <summary>
    /// The period's events that have not started yet, first ones first (at most <see cref="SummaryReportService.MaxUpcoming"/>;
    /// <c>Statistics.Totals.Upcoming</c> counts them all): the report names them as upcoming, never as done.
    /// </summary>
    public IReadOnlyList<ReportUpcoming> Upcoming { get; init; } = [];

    /// <summary>A programme's report: the programme, its campaigns and its years; null for a campaign's report.</summary>
    public ProgrammeTotals? RollUp { get; init; }

    /// <summary>The unit's name in the report's language, or null for the association's roll-up.</summary>
    public string? Unit => UnitName is null ? null : Texts.Name(UnitName, UnitNameEn);
}
