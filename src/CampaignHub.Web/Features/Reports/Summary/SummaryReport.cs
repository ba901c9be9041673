using CampaignHub.Web.Features.Totals;

namespace CampaignHub.Web.Features.Reports.Summary;

/// <summary>
/// A summary report ready to render: its paragraphs written in its language, the highlighted events' sections, and
/// the statistics its tables and charts show. Every number comes from <see cref="Statistics"/> or the events' figures.
/// </summary>
public sealed record SummaryReport(
    int CampaignId,
    int? CommitteeId,
    DateOnly From,
    DateOnly To,
    string Language,
    string Title,
    string CampaignName,
    string? CommitteeName,
    IReadOnlyList<string> Opening,
    IReadOnlyList<ReportSection> Sections,
    string? SectionsNote,
    string? CommitteeParagraph,
    string TotalsParagraph,
    CampaignStatistics Statistics,
    DateTime GeneratedAt);

/// <summary>A highlighted event's numbered section: 一、 its title, when and where, its narrative, figures and photos.</summary>
public sealed record ReportSection(
    int EventId,
    string Number,
    string Title,
    string Facts,
    IReadOnlyList<string> Narrative,
    string? Figures,
    IReadOnlyList<ReportPhoto> Photos,
    IReadOnlyList<string> PhotoNotes);

/// <summary>A photo embedded in the document as a data: URL (the PDF renderer fetches nothing).</summary>
public sealed record ReportPhoto(string DataUrl, string? Caption);
