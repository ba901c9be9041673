using CampaignHub.Web.Domain;

namespace CampaignHub.Web.Data.Seeding;

/// <summary>
/// An event of a demo plan as a coordinator would log it. Units, host and venue are named; <see cref="DemoRows"/>
/// turns names into rows. <see cref="Figures"/> is metric code → value.
/// </summary>
internal sealed record DemoEvent(string Title, EventKind Kind, EventChannel Channel, DateTime Start, DateTime End, IReadOnlyList<string> Units)
{
    public string? TitleEn { get; init; }

    public OnlinePlatform? Platform { get; init; }

    public string? PlatformDetail { get; init; }

    /// <summary>Host organisation name (one of the plan's <see cref="DemoOrganisation"/>s).</summary>
    public string? Host { get; init; }

    /// <summary>A venue of <see cref="Host"/>.</summary>
    public string? Venue { get; init; }

    public string? Location { get; init; }

    public string? SeriesName { get; init; }

    public int? StopNumber { get; init; }

    /// <summary>The next stop's host (an organisation's name), handed the series at this stop.</summary>
    public string? NextHost { get; init; }

    public string? HandoverFrom { get; init; }

    public string? HandoverTo { get; init; }

    public int? ExpertTeamSize { get; init; }

    public string? Narrative { get; init; }

    public string? NarrativeEn { get; init; }

    /// <summary>The summary's section the event is told in (the source's 一、二、三、四).</summary>
    public string? SectionGroup { get; init; }

    public string? SectionGroupEn { get; init; }

    public EventStatus Status { get; init; } = EventStatus.Held;

    public bool Highlight { get; init; }

    /// <summary>The people on the programme, in the source's order.</summary>
    public IReadOnlyList<DemoPerson> People { get; init; } = [];

    public Dictionary<string, int> Figures { get; init; } = [];
}

/// <summary>A person on an event's programme, as the source names them.</summary>
internal sealed record DemoPerson(ProgrammeRole Role, string Name, string? Affiliation = null, string? Department = null, string? Position = null)
{
    public string? TalkTitle { get; init; }

    public string? Topic { get; init; }
}

/// <summary>A campaign-level figure: one unit's value for one day, belonging to no single event (a day's WeChat reach).</summary>
internal sealed record DemoEntry(string Unit, DateOnly Date, string Metric, int Value);

/// <summary>An organisation of a demo with the venues its events use; a campus names its hospital.</summary>
internal sealed record DemoOrganisation(
    string Name, string NameEn, OrganisationKind Kind, string? Parent = null, string? Address = null, params string[] Venues)
{
    /// <summary>The venues' English names, by venue name.</summary>
    public IReadOnlyDictionary<string, string> VenuesEn { get; init; } = new Dictionary<string, string>();
}

/// <summary>A participating unit of a demo: its kind and the organisation it belongs to (by name).</summary>
internal sealed record DemoUnitRow(string Name, string NameEn, UnitKind Kind = UnitKind.Committee, string? Organisation = null);
