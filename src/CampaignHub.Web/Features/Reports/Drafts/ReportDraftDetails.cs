using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Reports.Summary;

namespace CampaignHub.Web.Features.Reports.Drafts;

/// <summary>
/// A draft as the editor and the API get it: the report it is, its blocks, and what the author should know:
/// whether the data changed since it was last saved (and which figures), fields that name nothing any more, text
/// that awaits a translator, and the campaign's events a section can tell.
/// </summary>
public sealed record ReportDraftDetails(
    int Id,
    int CampaignId,
    int? UnitId,
    string? UnitName,
    DateOnly From,
    DateOnly To,
    string Language,
    string Title,
    IReadOnlyList<ReportDraftBlock> Blocks,
    bool DataChanged,
    IReadOnlyList<FigureChange> ChangedFigures,
    IReadOnlyList<string> UnknownFields,
    IReadOnlyList<ReportGap> Untranslated,
    IReadOnlyList<DraftEvent> Events,
    IReadOnlyList<DraftField> Fields,
    DateTime UpdatedAt,
    string? UpdatedBy,
    long Version)
{
    /// <summary>
    /// Events of the period that have taken place by their dates but are still planned or confirmed: the report counts
    /// them, and an admin should confirm each (first ones first, at most <see cref="ReportDraftService.MaxUnconfirmedListed"/>).
    /// </summary>
    public IReadOnlyList<UnconfirmedEvent> Unconfirmed { get; init; } = [];

    /// <summary>How many such events the period has in all.</summary>
    public int UnconfirmedCount { get; init; }
}

/// <summary>A past event still planned or confirmed: when, what, and its status, with a link to its page.</summary>
public sealed record UnconfirmedEvent(int Id, string Title, DateTime Start, EventStatus Status);

/// <summary>A figure that changed since the draft was last saved: the field, its name, then and now.</summary>
public sealed record FigureChange(string Field, string Label, decimal? Before, decimal? Now);

/// <summary>A field the editor offers to insert: the token, its name and its value now.</summary>
public sealed record DraftField(string Token, string Label, decimal Value);

/// <summary>An event a section may tell: the campaign's highlighted events and those the draft already tells.</summary>
public sealed record DraftEvent(int Id, string Title, DateTime Start, string? SectionGroup, bool Highlight)
{
    /// <summary>The roadshow stop the event belongs to, as the report heads it (第一站：庄河市中心医院); null for none.</summary>
    public string? Stop { get; init; }
}

/// <summary>A draft in the campaign's list.</summary>
public sealed record ReportDraftItem(
    int Id,
    int CampaignId,
    int? UnitId,
    string? UnitName,
    DateOnly From,
    DateOnly To,
    string Language,
    string Title,
    DateTime UpdatedAt,
    string? UpdatedBy,
    long Version);
