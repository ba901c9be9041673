using CampaignHub.Web.Domain;

namespace CampaignHub.Web.Data.Seeding.Shanxi;

/// <summary>
/// An event of the demo plan as a coordinator would log it. Units, host and venue are named; the seeder turns
/// names into rows. <see cref="Figures"/> is filled by the plan (metric code → value).
/// </summary>
internal sealed record DemoEvent(string Title, EventKind Kind, EventChannel Channel, DateTime Start, DateTime End, IReadOnlyList<string> Units)
{
    public OnlinePlatform? Platform { get; init; }

    public string? PlatformDetail { get; init; }

    /// <summary>Host organisation name (<see cref="ShanxiOrganisations"/>).</summary>
    public string? Host { get; init; }

    /// <summary>A venue of <see cref="Host"/>.</summary>
    public string? Venue { get; init; }

    public string? Location { get; init; }

    public string? SeriesName { get; init; }

    public int? StopNumber { get; init; }

    public string? Narrative { get; init; }

    /// <summary>The summary's section the event is told in (the source's 一、二、三、四).</summary>
    public string? SectionGroup { get; init; }

    public bool Highlight { get; init; }

    public Dictionary<string, int> Figures { get; init; } = [];
}

/// <summary>A campaign-level figure: one unit's value for one day, belonging to no single event (a day's WeChat reach).</summary>
internal sealed record DemoEntry(string Unit, DateOnly Date, string Metric, int Value);
