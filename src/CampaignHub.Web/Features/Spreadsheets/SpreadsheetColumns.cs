using System.Globalization;

namespace CampaignHub.Web.Features.Spreadsheets;

/// <summary>
/// The columns of an events spreadsheet, in order; one column per metric code follows them. Import, export and the
/// template share this list, so an export can be imported again.
/// </summary>
public static class SpreadsheetColumns
{
    public const string Title = "title";
    public const string Kind = "kind";
    public const string Channel = "channel";
    public const string Platform = "platform";
    public const string Start = "start";
    public const string End = "end";
    public const string Units = "units";
    public const string Venue = "venue";
    public const string Series = "series";
    public const string Stop = "stop";
    public const string Status = "status";
    public const string Highlight = "highlight";
    public const string Narrative = "narrative";
    public const string Section = "section";
    public const string TitleEn = "title_en";
    public const string NarrativeEn = "narrative_en";
    public const string SectionEn = "section_en";

    /// <summary>Where the event can be seen or read about (an article, a video).</summary>
    public const string Link = "link";

    /// <summary>The codes of the row's figures that are estimates, not counts (<c>public_benefited;reach_wechat</c>).</summary>
    public const string Estimated = "estimated";

    /// <summary>The units column's header in files made before units of other kinds joined the committees.</summary>
    public const string LegacyUnits = "committees";

    /// <summary>Times are written this way and read this way (or as Excel date cells).</summary>
    public const string DateTimeFormat = "yyyy-MM-dd HH:mm";

    public static IReadOnlyList<string> Fixed { get; } =
        [Title, Kind, Channel, Platform, Start, End, Units, Venue, Series, Stop, Status, Highlight, Narrative, Section, TitleEn, NarrativeEn, SectionEn, Link, Estimated];

    /// <summary>A file without one of these cannot describe an event; the others may be left out.</summary>
    public static IReadOnlySet<string> Required { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        Title, Kind, Channel, Start, End, Units,
    };

    /// <summary>Unit names or ids in one cell are separated by either semicolon (ASCII or full-width).</summary>
    public static readonly char[] UnitSeparators = [';', '；'];

    /// <summary>The metric codes of an estimated cell, separated as units are (or by commas); null for an empty cell.</summary>
    public static List<string>? EstimatedCodes(string? cell) =>
        string.IsNullOrWhiteSpace(cell) ? null
        : cell.Split([.. UnitSeparators, ',', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private const string FigurePrefix = "figures.";

    /// <summary>
    /// The column an error of the event rules belongs to: the API's field names (<c>unitIds</c>,
    /// <c>figures.screened</c>) as the file names its columns (<c>units</c>, <c>screened</c>).
    /// </summary>
    public static string ColumnOf(string field) => field switch
    {
        "unitIds" => Units,
        "venueId" or "hostOrganisationId" => Venue,
        "seriesName" => Series,
        "sectionGroup" => Section,
        "titleEn" => TitleEn,
        "narrativeEn" => NarrativeEn,
        "sectionGroupEn" => SectionEn,
        "stopNumber" => Stop,
        "platformDetail" => Platform,
        "campaignId" => ImportError.FileColumn,
        _ when field.StartsWith(FigurePrefix, StringComparison.Ordinal) => field[FigurePrefix.Length..],
        _ => field,
    };

    /// <summary>0 → A, 25 → Z, 26 → AA: the column as a spreadsheet program names it.</summary>
    public static string Letter(int index)
    {
        var letters = "";
        for (index++; index > 0; index = (index - 1) / 26)
        {
            letters = (char)('A' + (index - 1) % 26) + letters;
        }

        return letters;
    }

    public static string FormatDateTime(DateTime value) => value.ToString(DateTimeFormat, CultureInfo.InvariantCulture);
}
