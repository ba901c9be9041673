using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Totals;

namespace CampaignHub.Web.Features.Reports.Summary;

/// <summary>
/// The summary report as a document, ready for its writers: the HTML document (preview and PDF) and the Word file
/// read the same title, blocks, tables and charts. Made from a draft and the statistics; every number in it was
/// evaluated from <see cref="Statistics"/> (or an event's figures) when it was built.
/// </summary>
public sealed record SummaryReport(
    int CampaignId,
    int? UnitId,
    int? DraftId,
    DateOnly From,
    DateOnly To,
    string Language,
    string Title,
    string CampaignName,
    string? UnitName,
    UnitKind UnitKind,
    IReadOnlyList<ReportBlock> Blocks,
    IReadOnlyList<ReportTable> Tables,
    IReadOnlyList<ReportChart> Charts,
    CampaignStatistics Statistics,
    IReadOnlyList<ReportGap> Untranslated,
    IReadOnlyList<string> UnknownFields,
    DateTime GeneratedAt)
{
    /// <summary>The narrative sections, in order.</summary>
    public IEnumerable<ReportSection> Sections => Blocks.OfType<ReportSection>();

    public ReportTable? Table(string key) => Tables.FirstOrDefault(t => t.Key == key);
}

/// <summary>A piece of a paragraph: plain text, a field's value, or text shown in the source language for want of a translation.</summary>
public sealed record ReportRun(string Text, ReportRunKind Kind = ReportRunKind.Text, string? Field = null)
{
    public static implicit operator ReportRun(string text) => new(text);
}

public enum ReportRunKind
{
    Text,

    /// <summary>A number bound to the data.</summary>
    Field,

    /// <summary>A field that names nothing known (a metric since removed): shown as written.</summary>
    UnknownField,

    /// <summary>Source-language text in a report of another language.</summary>
    Untranslated,
}

/// <summary>One paragraph: its runs in order.</summary>
public sealed record ReportParagraph(IReadOnlyList<ReportRun> Runs)
{
    public string Text => string.Concat(Runs.Select(r => r.Text));

    public static ReportParagraph Of(string text) => new([new ReportRun(text)]);
}

/// <summary>What the report body is made of, in order.</summary>
public abstract record ReportBlock;

/// <summary>
/// Opening, units, free, totals or closing text. A numbered heading for those that have one; the opening and
/// the closing carry none, the totals paragraph its fixed one.
/// </summary>
public sealed record ReportTextBlock(ReportTextKind Kind, string? Number, ReportParagraph? Heading, IReadOnlyList<ReportParagraph> Paragraphs) : ReportBlock;

public enum ReportTextKind
{
    Opening,
    Units,
    Paragraph,
    Totals,

    /// <summary>The period's events not started yet, after the totals: never counted as done.</summary>
    Upcoming,
    Closing,

    /// <summary>Which units' figures are not approved yet (or left out): after the opening, without a heading.</summary>
    Note,
}

/// <summary>A numbered narrative section: heading, optional facts and figures lines, the story, a stop's programme, photos.</summary>
public sealed record ReportSection(
    string Number,
    ReportParagraph Heading,
    IReadOnlyList<int> EventIds,
    IReadOnlyList<ReportParagraph> Facts,
    IReadOnlyList<ReportParagraph> Body,
    IReadOnlyList<ReportParagraph> Figures,
    IReadOnlyList<ReportPhoto> Photos,
    IReadOnlyList<string> PhotoNotes) : ReportBlock
{
    public string Title => Heading.Text;

    /// <summary>A roadshow stop's programme, one paragraph per part, after the story (<see cref="RoadshowStory"/>).</summary>
    public IReadOnlyList<ReportParagraph> Programme { get; init; } = [];
}

/// <summary>A photo with its bytes: embedded in the HTML as a data: URL (the PDF renderer fetches nothing) and in the Word file.</summary>
public sealed record ReportPhoto(byte[] Content, string ContentType, string? Caption)
{
    public string DataUrl => $"data:{ContentType};base64,{Convert.ToBase64String(Content)}";
}

/// <summary>A table of the tables part: its caption, columns, rows and optional total row; numbers already written.</summary>
public sealed record ReportTable(
    string Key,
    string Caption,
    IReadOnlyList<ReportColumn> Columns,
    IReadOnlyList<IReadOnlyList<string>> Rows,
    IReadOnlyList<string>? Total = null,
    IReadOnlyList<decimal>? Progress = null);

public sealed record ReportColumn(string Header, bool Numeric = false);

public enum ReportChartShape
{
    /// <summary>One column per day over a value axis.</summary>
    Columns,

    /// <summary>One horizontal bar per label.</summary>
    Bars,
}

public sealed record ReportChart(string Key, string Title, ReportChartShape Shape, IReadOnlyList<ChartSeries> Series, IReadOnlyList<ChartBar> Bars);

/// <summary>Text that has no English version yet: where it is and what it says, for the translator.</summary>
public sealed record ReportGap(string Where, string Text);
