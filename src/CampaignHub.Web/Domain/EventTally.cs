namespace CampaignHub.Web.Domain;

/// <summary>
/// How many events of a campaign started on a day (or in a month), by kind, channel and status: for the campaign as a whole
/// (<see cref="UnitId"/> null, a joint event once) and for each unit (a joint event for each of its units). Derived
/// data, never edited: the save path (<c>Data/Tallies</c>) recomputes the days a save touches, in the same
/// transaction, so totals over months or years of events read a few thousand rows instead of every event.
/// </summary>
public sealed class EventTally
{
    public long Id { get; set; }

    public int CampaignId { get; set; }

    public int? UnitId { get; set; }

    /// <summary>A day's row, or a whole month's (dated its first day, the sum of the month's day rows).</summary>
    public TallySpan Span { get; set; }

    /// <summary>The day, or the first day of the month.</summary>
    public DateOnly Date { get; set; }

    public EventKind Kind { get; set; }

    public EventChannel Channel { get; set; }

    public EventStatus Status { get; set; }

    public int Events { get; set; }
}
