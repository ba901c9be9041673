using System.Globalization;

namespace CampaignHub.Web.Features.Events;

/// <summary>
/// The event editor's model: what the user is typing, with dates and times split for phone pickers. It converts to
/// <see cref="EventInput"/> for the service, and compares and merges field by field when a save conflicts.
/// </summary>
public sealed class EventForm
{
    public int? CampaignId { get; set; }

    public IReadOnlyCollection<int> CommitteeIds { get; set; } = [];

    public string? Title { get; set; }

    public string Kind { get; set; } = "free_clinic";

    public string Channel { get; set; } = "offline";

    public string? Platform { get; set; }

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

    public string Status { get; set; } = "planned";

    public bool Highlight { get; set; }

    public List<SpeakerInput> Speakers { get; set; } = [];

    /// <summary>The version of the event this form's edits are based on.</summary>
    public long Version { get; set; }

    public DateTime? Start => Combine(StartDate, StartTime);

    public DateTime? End => Combine(EndDate ?? StartDate, EndTime);

    /// <summary>The fields as the conflict view lists them; the keys name the API fields and the labels' resources.</summary>
    public static IReadOnlyList<string> Fields { get; } =
    [
        "Campaign", "Committees", "Title", "Kind", "Channel", "Platform", "PlatformDetail", "Start", "End", "Venue",
        "HostOrganisation", "Location", "SeriesName", "StopNumber", "Narrative", "Status", "Highlight", "Speakers",
    ];

    public static EventForm From(EventDetails details) => new()
    {
        CampaignId = details.CampaignId,
        CommitteeIds = details.CommitteeIds.Order().ToList(),
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
        Status = details.Status,
        Highlight = details.Highlight,
        Speakers = details.Speakers.Select(s => new SpeakerInput { Name = s.Name, Affiliation = s.Affiliation, TalkTitle = s.TalkTitle }).ToList(),
        Version = details.Version,
    };

    /// <summary>What the service gets; figures only when given (null leaves an event's figures as they are).</summary>
    public EventInput ToInput(IReadOnlyDictionary<string, decimal>? figures = null) => new()
    {
        CampaignId = CampaignId ?? 0,
        CommitteeIds = CommitteeIds.ToList(),
        Title = Title,
        Kind = Kind,
        Channel = Channel,
        // A platform belongs to online events only; a switch to offline must not keep a hidden one.
        Platform = Channel == "online" ? Platform : null,
        PlatformDetail = Channel == "online" ? PlatformDetail : null,
        Start = Start,
        End = End,
        VenueId = VenueId,
        HostOrganisationId = HostOrganisationId,
        Location = Location,
        SeriesName = SeriesName,
        StopNumber = StopNumber,
        Narrative = Narrative,
        Status = Status,
        Highlight = Highlight,
        Speakers = Speakers.Select(s => new SpeakerInput { Name = s.Name, Affiliation = s.Affiliation, TalkTitle = s.TalkTitle }).ToList(),
        Figures = figures?.ToDictionary(f => f.Key, f => f.Value),
        Version = Version,
    };

    public EventForm Clone()
    {
        var copy = (EventForm)MemberwiseClone();
        copy.CommitteeIds = CommitteeIds.ToList();
        copy.Speakers = Speakers.Select(s => new SpeakerInput { Name = s.Name, Affiliation = s.Affiliation, TalkTitle = s.TalkTitle }).ToList();
        return copy;
    }

    /// <summary>The fields whose values differ between two forms, in <see cref="Fields"/> order.</summary>
    public static IReadOnlyList<string> Differences(EventForm a, EventForm b) =>
        Fields.Where(f => Key(a, f) != Key(b, f)).ToList();

    /// <summary>
    /// Three-way merge after a conflict: the user's edits (fields where <paramref name="mine"/> differs from the
    /// <paramref name="original"/> they started from) applied on top of <paramref name="theirs"/>, the version saved
    /// meanwhile. The result is based on their version, so saving it replaces nothing the user has not seen.
    /// </summary>
    public static EventForm Merge(EventForm original, EventForm mine, EventForm theirs)
    {
        var merged = theirs.Clone();
        foreach (var field in Differences(original, mine))
        {
            Copy(mine, merged, field);
        }

        merged.Version = theirs.Version;
        return merged;
    }

    /// <summary>A field's value as comparable text (culture-invariant).</summary>
    public static string Key(EventForm form, string field) => field switch
    {
        "Campaign" => Invariant(form.CampaignId),
        "Committees" => string.Join(",", form.CommitteeIds.Order()),
        "Title" => Text(form.Title),
        "Kind" => form.Kind,
        "Channel" => form.Channel,
        "Platform" => form.Channel == "online" ? Text(form.Platform) : "",
        "PlatformDetail" => form.Channel == "online" ? Text(form.PlatformDetail) : "",
        "Start" => form.Start?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "",
        "End" => form.End?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "",
        "Venue" => Invariant(form.VenueId),
        "HostOrganisation" => Invariant(form.HostOrganisationId),
        "Location" => Text(form.Location),
        "SeriesName" => Text(form.SeriesName),
        "StopNumber" => Invariant(form.StopNumber),
        "Narrative" => Text(form.Narrative),
        "Status" => form.Status,
        "Highlight" => form.Highlight ? "1" : "0",
        "Speakers" => string.Join("\n", form.Speakers.Select(s => $"{Text(s.Name)}|{Text(s.Affiliation)}|{Text(s.TalkTitle)}")),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    private static void Copy(EventForm from, EventForm to, string field)
    {
        switch (field)
        {
            case "Campaign": to.CampaignId = from.CampaignId; break;
            case "Committees": to.CommitteeIds = from.CommitteeIds.ToList(); break;
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
