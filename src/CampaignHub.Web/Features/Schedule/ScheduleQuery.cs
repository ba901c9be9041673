namespace CampaignHub.Web.Features.Schedule;

/// <summary>
/// The events of a period [<see cref="From"/>, <see cref="To"/>) in the association's time zone, optionally narrowed
/// by campaign, unit, kind, channel, venue or organisation.
/// </summary>
public sealed record ScheduleQuery
{
    /// <summary>More entries than a month calendar can show usefully; past this the page asks to narrow the filter.</summary>
    public const int MaxEntries = 2_000;

    public required DateOnly From { get; init; }

    /// <summary>Exclusive: the first day not shown.</summary>
    public required DateOnly To { get; init; }

    public int? CampaignId { get; init; }

    public int? UnitId { get; init; }

    /// <summary>An <c>EventKind</c> code; an unknown code filters nothing (the page only offers known ones).</summary>
    public string? Kind { get; init; }

    public string? Channel { get; init; }

    public int? VenueId { get; init; }

    /// <summary>Events this organisation hosts or that take place at one of its venues.</summary>
    public int? OrganisationId { get; init; }

    /// <summary>At most <see cref="MaxEntries"/>.</summary>
    public int Limit { get; init; } = MaxEntries;
}
