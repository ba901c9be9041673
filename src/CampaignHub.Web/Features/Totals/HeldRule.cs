using System.Linq.Expressions;
using CampaignHub.Web.Domain;

namespace CampaignHub.Web.Features.Totals;

/// <summary>
/// Held means held: what totals, statistics, the dashboard and reports count as done. An event counts once it has
/// started (its start is not after "now" in the association's clock) and is not cancelled: held, or still planned or
/// confirmed, which is then <em>unconfirmed</em> (counted, and flagged for an admin to confirm by setting its status).
/// An event that has not started is <em>upcoming</em> whatever its status (a future event marked held is a slip, not a
/// fact), and neither it nor its figures count. A cancelled event never counts, nor do its figures. A campaign-level
/// figure counts once its day has come. The one place this rule is written; everything that counts reads it here.
/// </summary>
public static class HeldRule
{
    /// <summary>Has the event started by <paramref name="now"/> (the association's wall-clock time)?</summary>
    public static bool HasStarted(DateTime startsAt, DateTime now) => startsAt <= now;

    /// <summary>What the rule makes of an event with this status that has (or has not) started.</summary>
    public static EventStanding Standing(EventStatus status, bool started) => (status, started) switch
    {
        (EventStatus.Cancelled, _) => EventStanding.NotCounted,
        (_, false) => EventStanding.Upcoming,
        (EventStatus.Held, true) => EventStanding.Held,
        _ => EventStanding.Unconfirmed,
    };

    /// <summary>Events that are upcoming at <paramref name="now"/>: not started, not cancelled.</summary>
    public static Expression<Func<CampaignEvent, bool>> Upcoming(DateTime now) =>
        e => e.Status != EventStatus.Cancelled && e.StartsAt > now;

    /// <summary>Events that count at <paramref name="now"/>: started, not cancelled.</summary>
    public static Expression<Func<CampaignEvent, bool>> Counted(DateTime now) =>
        e => e.Status != EventStatus.Cancelled && e.StartsAt <= now;

    /// <summary>Events that count but are still planned or confirmed: an admin should confirm them (or cancel them).</summary>
    public static Expression<Func<CampaignEvent, bool>> Unconfirmed(DateTime now) =>
        e => (e.Status == EventStatus.Planned || e.Status == EventStatus.Confirmed) && e.StartsAt <= now;

    /// <summary>
    /// Tally rows that count at <paramref name="today"/>. Rows are per day: a day before today has started, a day after
    /// has not; today's rows are read from the events themselves and dated the next day when not started yet
    /// (<see cref="Tallies"/>), so the day alone decides.
    /// </summary>
    internal static Expression<Func<EventCountRow, bool>> CountedRow(DateOnly today) =>
        t => t.Status != EventStatus.Cancelled && t.Date <= today;

    /// <summary>Figure rows that count at <paramref name="today"/>: see <see cref="CountedRow"/>.</summary>
    internal static Expression<Func<FigureSumRow, bool>> CountedFigure(DateOnly today) =>
        f => f.Date <= today;
}

/// <summary>An event as the held rule sees it.</summary>
public enum EventStanding
{
    /// <summary>Held, and started: counted.</summary>
    Held,

    /// <summary>Started but still planned or confirmed: counted, and flagged for an admin to confirm.</summary>
    Unconfirmed,

    /// <summary>Not started yet (whatever its status): not counted, shown as upcoming.</summary>
    Upcoming,

    /// <summary>Cancelled: not counted anywhere.</summary>
    NotCounted,
}
