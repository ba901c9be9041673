using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Totals;

namespace CampaignHub.Web.Features.Reports.Summary;

/// <summary>What the report says about the campaign: its names, edition, theme, description, organisers and media.</summary>
public sealed record ReportCampaign(
    string Name, string? NameEn, string? Theme, string? ThemeEn, string? Edition, string? EditionEn,
    string? Description, string? DescriptionEn, string? ReportingMedia, string? ReportingMediaEn,
    DateOnly StartDate, DateOnly EndDate, IReadOnlyList<(string Name, string? NameEn)> Organisers);

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
    IReadOnlyList<MetricTotal> Figures);

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
    public FieldValues Fields { get; } = FieldValues.From(Statistics, MetricCodes);

    /// <summary>The unit's name in the report's language, or null for the association's roll-up.</summary>
    public string? Unit => UnitName is null ? null : Texts.Name(UnitName, UnitNameEn);
}
