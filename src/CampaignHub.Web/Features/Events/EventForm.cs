using System.Globalization;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Figures;

namespace CampaignHub.Web.Features.Events;

/// <summary>
/// The event page's model: everything the user is typing about an event, its speakers and its figures, saved
/// together. Dates and times are split for phone inputs; figures are kept as typed text, so a mistyped value stays
/// on screen with its message. It converts to <see cref="EventInput"/> for the service, and compares and merges
/// field by field when a save conflicts.
/// </summary>
public sealed class EventForm
{
    public int? CampaignId { get; set; }

    public IReadOnlyCollection<int> UnitIds { get; set; } = [];

    public string? Title { get; set; }

    public EventKind Kind { get; set; } = EventKind.FreeClinic;

    public EventChannel Channel { get; set; } = EventChannel.Offline;

    public OnlinePlatform? Platform { get; set; }

    public string? PlatformDetail { get; set; }

    public DateTime? StartDate { get; set; }

    public TimeSpan? StartTime { get; set; }

    public DateTime? EndDate { get; set; }

    public TimeSpan? EndTime { get; set; }

    public int? VenueId { get; set; }

    public int? HostOrganisationId { get; set; }

    public string? Location { get; set; }

    public string? SeriesName { get; set; }

    public int? StopNumber { get; set; }

    public string? Narrative { get; set; }

    public string? SectionGroup { get; set; }

    public string? TitleEn { get; set; }

    public string? NarrativeEn { get; set; }

    public EventStatus Status { get; set; } = EventStatus.Planned;

    public bool Highlight { get; set; }

    public List<SpeakerInput> Speakers { get; set; } = [];

    /// <summary>Metric code → the text typed (blank: no figure).</summary>
    public Dictionary<string, string> Figures { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The version of the event this form's edits are based on.</summary>
    public long Version { get; set; }

    public DateTime? Start => Combine(StartDate, StartTime);

    public DateTime? End => Combine(EndDate ?? StartDate, EndTime);

    /// <summary>The fields as the conflict view lists them; the keys name the labels' resources (<c>Event_Field_{key}</c>).</summary>
    public static IReadOnlyList<string> Fields { get; } =
    [
        "Campaign", "Units", "Title", "Kind", "Channel", "Platform", "PlatformDetail", "Start", "End", "Venue",
        "HostOrganisation", "Location", "SeriesName", "StopNumber", "Narrative", "SectionGroup", "TitleEn", "NarrativeEn", "Status", "Highlight", "Speakers",
    ];

    public static EventForm From(EventDetails details) => new()
    {
        CampaignId = details.CampaignId,
        UnitIds = details.UnitIds.Order().ToList(),
        Title = details.Title,
        Kind = details.Kind,
        Channel = details.Channel,
        Platform = details.Platform,
        PlatformDetail = details.PlatformDetail,
        StartDate = details.Start.Date,
        StartTime = details.Start.TimeOfDay,
        EndDate = details.End.Date,
        EndTime = details.End.TimeOfDay,
        VenueId = details.VenueId,
        HostOrganisationId = details.HostOrganisationId,
        Location = details.Location,
        SeriesName = details.SeriesName,
        StopNumber = details.StopNumber,
        Narrative = details.Narrative,
        SectionGroup = details.SectionGroup,
        TitleEn = details.TitleEn,
        NarrativeEn = details.NarrativeEn,
        Status = details.Status,
        Highlight = details.Highlight,
        Speakers = details.Speakers.Select(s => new SpeakerInput { Name = s.Name, Affiliation = s.Affiliation, TalkTitle = s.TalkTitle }).ToList(),
        Figures = details.Figures.ToDictionary(f => f.Key, f => FigureText.Of(f.Value), StringComparer.OrdinalIgnoreCase),
        Version = details.Version,
    };

    /// <summary>
    /// What the service gets. The figures are those of <paramref name="metrics"/> (the active catalogue; retired
    /// metrics' figures are kept as logged by the service), blank ones left out; the page checks that each typed
    /// figure is a number before it saves.
    /// </summary>
    public EventInput ToInput(IEnumerable<string> metrics) => new()
    {
        CampaignId = CampaignId ?? 0,
        UnitIds = UnitIds.ToList(),
        Title = Title,
        Kind = Codes<EventKind>.Of(Kind),
        Channel = Codes<EventChannel>.Of(Channel),
        // A platform belongs to online events only; a switch to offline must not keep a hidden one.
        Platform = Channel == EventChannel.Online && Platform is { } platform ? Codes<OnlinePlatform>.Of(platform) : null,
        PlatformDetail = Channel == EventChannel.Online ? PlatformDetail : null,
        Start = Start,
        End = End,
        VenueId = VenueId,
        HostOrganisationId = HostOrganisationId,
        Location = Location,
        SeriesName = SeriesName,
        StopNumber = StopNumber,
        Narrative = Narrative,
        SectionGroup = SectionGroup,
        TitleEn = TitleEn,
        NarrativeEn = NarrativeEn,
        Status = Codes<EventStatus>.Of(Status),
        Highlight = Highlight,
        Speakers = Speakers.Select(s => new SpeakerInput { Name = s.Name, Affiliation = s.Affiliation, TalkTitle = s.TalkTitle }).ToList(),
        Figures = metrics
            .Select(code => (code, Value: FigureText.TryParse(Figures.GetValueOrDefault(code), out var value) ? value : (decimal?)null))
            .Where(f => f.Value is not null)
            .ToDictionary(f => f.code, f => f.Value!.Value, StringComparer.OrdinalIgnoreCase),
        Version = Version,
    };

    public EventForm Clone()
    {
        var copy = (EventForm)MemberwiseClone();
        copy.UnitIds = UnitIds.ToList();
        copy.Speakers = Speakers.Select(s => new SpeakerInput { Name = s.Name, Affiliation = s.Affiliation, TalkTitle = s.TalkTitle }).ToList();
        copy.Figures = new Dictionary<string, string>(Figures, StringComparer.OrdinalIgnoreCase);
        return copy;
    }

    /// <summary>True when anything, a figure or a speaker included, differs between the two forms.</summary>
    public static bool Same(EventForm a, EventForm b) => Differences(a, b).Count == 0 && FigureDifferences(a, b).Count == 0;

    /// <summary>The fields whose values differ between two forms, in <see cref="Fields"/> order.</summary>
    public static IReadOnlyList<string> Differences(EventForm a, EventForm b) =>
        Fields.Where(f => Key(a, f) != Key(b, f)).ToList();

    /// <summary>The metric codes whose figures differ between two forms ("120" and "120.0" are the same figure).</summary>
    public static IReadOnlyList<string> FigureDifferences(EventForm a, EventForm b) =>
        a.Figures.Keys.Union(b.Figures.Keys, StringComparer.OrdinalIgnoreCase)
            .Where(code => FigureKey(a, code) != FigureKey(b, code))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// Three-way merge after a conflict: the user's edits (fields and figures where <paramref name="mine"/> differs
    /// from the <paramref name="original"/> they started from) applied on top of <paramref name="theirs"/>, the
    /// version saved meanwhile. The result is based on their version, so saving it replaces nothing the user has not seen.
    /// </summary>
    public static EventForm Merge(EventForm original, EventForm mine, EventForm theirs)
    {
        var merged = theirs.Clone();
        foreach (var field in Differences(original, mine))
        {
            Copy(mine, merged, field);
        }

        foreach (var code in FigureDifferences(original, mine))
        {
            merged.Figures[code] = mine.Figures.GetValueOrDefault(code) ?? "";
        }

        merged.Version = theirs.Version;
        return merged;
    }

    /// <summary>A field's value as comparable text (culture-invariant).</summary>
    public static string Key(EventForm form, string field) => field switch
    {
        "Campaign" => Invariant(form.CampaignId),
        "Units" => string.Join(",", form.UnitIds.Order()),
        "Title" => Text(form.Title),
        "Kind" => Codes<EventKind>.Of(form.Kind),
        "Channel" => Codes<EventChannel>.Of(form.Channel),
        "Platform" => form.Channel == EventChannel.Online && form.Platform is { } platform ? Codes<OnlinePlatform>.Of(platform) : "",
        "PlatformDetail" => form.Channel == EventChannel.Online ? Text(form.PlatformDetail) : "",
        "Start" => form.Start?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "",
        "End" => form.End?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "",
        "Venue" => Invariant(form.VenueId),
        "HostOrganisation" => Invariant(form.HostOrganisationId),
        "Location" => Text(form.Location),
        "SeriesName" => Text(form.SeriesName),
        "StopNumber" => Invariant(form.StopNumber),
        "Narrative" => Text(form.Narrative),
        "SectionGroup" => Text(form.SectionGroup),
        "TitleEn" => Text(form.TitleEn),
        "NarrativeEn" => Text(form.NarrativeEn),
        "Status" => Codes<EventStatus>.Of(form.Status),
        "Highlight" => form.Highlight ? "1" : "0",
        "Speakers" => string.Join("\n", form.Speakers.Select(s => $"{Text(s.Name)}|{Text(s.Affiliation)}|{Text(s.TalkTitle)}")),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    /// <summary>A figure as comparable text: the number when it is one, else the text as typed.</summary>
    public static string FigureKey(EventForm form, string code)
    {
        var text = form.Figures.GetValueOrDefault(code);
        return FigureText.TryParse(text, out var value) ? FigureText.Of(value) : Text(text);
    }

    private static void Copy(EventForm from, EventForm to, string field)
    {
        switch (field)
        {
            case "Campaign": to.CampaignId = from.CampaignId; break;
            case "Units": to.UnitIds = from.UnitIds.ToList(); break;
            case "Title": to.Title = from.Title; break;
            case "Kind": to.Kind = from.Kind; break;
            case "Channel": to.Channel = from.Channel; break;
            case "Platform": to.Platform = from.Platform; break;
            case "PlatformDetail": to.PlatformDetail = from.PlatformDetail; break;
            case "Start": (to.StartDate, to.StartTime) = (from.StartDate, from.StartTime); break;
            case "End": (to.EndDate, to.EndTime) = (from.EndDate ?? from.StartDate, from.EndTime); break;
            case "Venue": to.VenueId = from.VenueId; break;
            case "HostOrganisation": to.HostOrganisationId = from.HostOrganisationId; break;
            case "Location": to.Location = from.Location; break;
            case "SeriesName": to.SeriesName = from.SeriesName; break;
            case "StopNumber": to.StopNumber = from.StopNumber; break;
            case "Narrative": to.Narrative = from.Narrative; break;
            case "SectionGroup": to.SectionGroup = from.SectionGroup; break;
            case "TitleEn": to.TitleEn = from.TitleEn; break;
            case "NarrativeEn": to.NarrativeEn = from.NarrativeEn; break;
            case "Status": to.Status = from.Status; break;
            case "Highlight": to.Highlight = from.Highlight; break;
            case "Speakers": to.Speakers = from.Clone().Speakers; break;
            default: throw new ArgumentOutOfRangeException(nameof(field), field, null);
        }
    }

    private static DateTime? Combine(DateTime? date, TimeSpan? time) =>
        date is { } d ? DateTime.SpecifyKind(d.Date + (time ?? TimeSpan.Zero), DateTimeKind.Unspecified) : null;

    private static string Text(string? value) => value?.Trim() ?? "";

    private static string Invariant(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}
