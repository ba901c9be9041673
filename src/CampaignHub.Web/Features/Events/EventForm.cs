using System.Globalization;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Figures;

namespace CampaignHub.Web.Features.Events;

/// <summary>
/// The event page's model: everything the user is typing about an event, its programme and its figures, saved
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

    public int? NextHostOrganisationId { get; set; }

    public string? HandoverFrom { get; set; }

    public string? HandoverTo { get; set; }

    public int? ExpertTeamSize { get; set; }

    public string? Narrative { get; set; }

    public string? Link { get; set; }

    public string? SectionGroup { get; set; }

    public string? TitleEn { get; set; }

    public string? NarrativeEn { get; set; }

    public string? SectionGroupEn { get; set; }

    public EventStatus Status { get; set; } = EventStatus.Planned;

    public bool Highlight { get; set; }

    /// <summary>The people on the programme, each in one role.</summary>
    public List<PersonInput> People { get; set; } = [];

    /// <summary>Metric code → the text typed (blank: no figure).</summary>
    public Dictionary<string, string> Figures { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The codes of the figures marked as estimates (a mark on a blank figure is not sent).</summary>
    public HashSet<string> Estimated { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The version of the event this form's edits are based on.</summary>
    public long Version { get; set; }

    public DateTime? Start => Combine(StartDate, StartTime);

    public DateTime? End => Combine(EndDate ?? StartDate, EndTime);

    /// <summary>The fields as the conflict view lists them; the keys name the labels' resources (<c>Event_Field_{key}</c>).</summary>
    public static IReadOnlyList<string> Fields { get; } =
    [
        "Campaign", "Units", "Title", "Kind", "Channel", "Platform", "PlatformDetail", "Start", "End", "Venue",
        "HostOrganisation", "Location", "SeriesName", "StopNumber", "ExpertTeamSize", "NextHostOrganisation", "HandoverFrom", "HandoverTo", "Narrative", "Link", "SectionGroup",
        "TitleEn", "NarrativeEn", "SectionGroupEn", "Status", "Highlight", "People",
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
        NextHostOrganisationId = details.NextHostOrganisationId,
        HandoverFrom = details.HandoverFrom,
        HandoverTo = details.HandoverTo,
        ExpertTeamSize = details.ExpertTeamSize,
        Narrative = details.Narrative,
        Link = details.Link,
        SectionGroup = details.SectionGroup,
        TitleEn = details.TitleEn,
        NarrativeEn = details.NarrativeEn,
        SectionGroupEn = details.SectionGroupEn,
        Status = details.Status,
        Highlight = details.Highlight,
        People = details.People.Select(p => p.ToInput()).ToList(),
        Figures = details.Figures.ToDictionary(f => f.Key, f => FigureText.Of(f.Value), StringComparer.OrdinalIgnoreCase),
        Estimated = new HashSet<string>(details.Estimated, StringComparer.OrdinalIgnoreCase),
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
        NextHostOrganisationId = NextHostOrganisationId,
        HandoverFrom = HandoverFrom,
        HandoverTo = HandoverTo,
        ExpertTeamSize = ExpertTeamSize,
        Narrative = Narrative,
        Link = Link,
        SectionGroup = SectionGroup,
        TitleEn = TitleEn,
        NarrativeEn = NarrativeEn,
        SectionGroupEn = SectionGroupEn,
        Status = Codes<EventStatus>.Of(Status),
        Highlight = Highlight,
        People = People.Select(AsSaved).ToList(),
        Figures = metrics
            .Select(code => (code, Value: FigureText.TryParse(Figures.GetValueOrDefault(code), out var value) ? value : (decimal?)null))
            .Where(f => f.Value is not null)
            .ToDictionary(f => f.code, f => f.Value!.Value, StringComparer.OrdinalIgnoreCase),
        Estimated = metrics.Where(code => Estimated.Contains(code) && FigureText.TryParse(Figures.GetValueOrDefault(code), out _)).ToList(),
        Version = Version,
    };

    public EventForm Clone()
    {
        var copy = (EventForm)MemberwiseClone();
        copy.UnitIds = UnitIds.ToList();
        copy.People = People.Select(p => p.Copy()).ToList();
        copy.Figures = new Dictionary<string, string>(Figures, StringComparer.OrdinalIgnoreCase);
        copy.Estimated = new HashSet<string>(Estimated, StringComparer.OrdinalIgnoreCase);
        return copy;
    }

    /// <summary>True when anything, a figure or a person on the programme included, differs between the two forms.</summary>
    public static bool Same(EventForm a, EventForm b) => Differences(a, b).Count == 0 && FigureDifferences(a, b).Count == 0;

    /// <summary>The fields whose values differ between two forms, in <see cref="Fields"/> order.</summary>
    public static IReadOnlyList<string> Differences(EventForm a, EventForm b) =>
        Fields.Where(f => Key(a, f) != Key(b, f)).ToList();

    /// <summary>The metric codes whose figures differ between two forms ("120" and "120.0" are the same figure).</summary>
    public static IReadOnlyList<string> FigureDifferences(EventForm a, EventForm b) =>
        a.Figures.Keys.Union(b.Figures.Keys, StringComparer.OrdinalIgnoreCase).Union(a.Estimated.Union(b.Estimated), StringComparer.OrdinalIgnoreCase)
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
            if (mine.Estimated.Contains(code))
            {
                merged.Estimated.Add(code);
            }
            else
            {
                merged.Estimated.Remove(code);
            }
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
        "ExpertTeamSize" => Invariant(form.ExpertTeamSize),
        "NextHostOrganisation" => Invariant(form.NextHostOrganisationId),
        "HandoverFrom" => Text(form.HandoverFrom),
        "HandoverTo" => Text(form.HandoverTo),
        "Narrative" => Text(form.Narrative),
        "Link" => Text(form.Link),
        "SectionGroup" => Text(form.SectionGroup),
        "TitleEn" => Text(form.TitleEn),
        "NarrativeEn" => Text(form.NarrativeEn),
        "SectionGroupEn" => Text(form.SectionGroupEn),
        "Status" => Codes<EventStatus>.Of(form.Status),
        "Highlight" => form.Highlight ? "1" : "0",
        "People" => string.Join("\n", form.People.Select(AsSaved)
            .Select(p => string.Join("|", Text(p.Role), Text(p.Name), Text(p.Position), Text(p.Department), Text(p.Affiliation), Text(p.TalkTitle), Text(p.Topic)))),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    /// <summary>A figure as comparable text: the number when it is one, else the text as typed; "~" marks an estimate.</summary>
    public static string FigureKey(EventForm form, string code)
    {
        var text = form.Figures.GetValueOrDefault(code);
        return (FigureText.TryParse(text, out var value) ? FigureText.Of(value) : Text(text)) + (form.Estimated.Contains(code) ? "~" : "");
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
            case "ExpertTeamSize": to.ExpertTeamSize = from.ExpertTeamSize; break;
            case "NextHostOrganisation": to.NextHostOrganisationId = from.NextHostOrganisationId; break;
            case "HandoverFrom": to.HandoverFrom = from.HandoverFrom; break;
            case "HandoverTo": to.HandoverTo = from.HandoverTo; break;
            case "Narrative": to.Narrative = from.Narrative; break;
            case "Link": to.Link = from.Link; break;
            case "SectionGroup": to.SectionGroup = from.SectionGroup; break;
            case "TitleEn": to.TitleEn = from.TitleEn; break;
            case "NarrativeEn": to.NarrativeEn = from.NarrativeEn; break;
            case "SectionGroupEn": to.SectionGroupEn = from.SectionGroupEn; break;
            case "Status": to.Status = from.Status; break;
            case "Highlight": to.Highlight = from.Highlight; break;
            case "People": to.People = from.Clone().People; break;
            default: throw new ArgumentOutOfRangeException(nameof(field), field, null);
        }
    }

    /// <summary>
    /// A person as saved: a title only on a talk, a topic on neither team role. A field the form hides for the role
    /// chosen is not sent, as a platform is not for an offline event.
    /// </summary>
    public static PersonInput AsSaved(PersonInput person)
    {
        var copy = person.Copy();
        var role = Codes<ProgrammeRole>.TryParse(person.Role, out var parsed) ? parsed : ProgrammeRole.Talk;
        copy.Role = Codes<ProgrammeRole>.Of(role);
        if (role != ProgrammeRole.Talk)
        {
            copy.TalkTitle = null;
        }

        if (role is ProgrammeRole.Expert or ProgrammeRole.TeamLeader)
        {
            copy.Topic = null;
        }

        return copy;
    }

    private static DateTime? Combine(DateTime? date, TimeSpan? time) =>
        date is { } d ? DateTime.SpecifyKind(d.Date + (time ?? TimeSpan.Zero), DateTimeKind.Unspecified) : null;

    private static string Text(string? value) => value?.Trim() ?? "";

    private static string Invariant(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}
