using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CampaignHub.Web.Features.Totals;

/// <summary>
/// Which events and figures a count covers: campaigns, an inclusive period, and whose share; with
/// <see cref="Among"/>, only the events run by at least one of those units (a joint event once) and the campaign-level
/// figures of those units (a report of the approved units only, <see cref="TotalsQuery.Units"/>).
/// </summary>
internal sealed record TallyScope(int[] CampaignIds, DateOnly From, DateOnly To, UnitShare Share = UnitShare.Whole, int? UnitId = null)
{
    public int[]? Among { get; init; }

    public static TallyScope Of(int[] campaignIds, DateOnly from, DateOnly to, int? unitId, IReadOnlyCollection<int>? among = null) =>
        (unitId is { } unit ? new TallyScope(campaignIds, from, to, UnitShare.One, unit) : new TallyScope(campaignIds, from, to))
            with { Among = among?.ToArray() };

    public TallyScope WithPeriod(DateOnly from, DateOnly to) => this with { From = from, To = to };
}

/// <summary>The campaign as a whole (a joint event once), one unit's share, or every unit's (a joint event for each).</summary>
internal enum UnitShare
{
    Whole,
    One,
    Each,
}

/// <summary>Events of a day by kind, channel and status, as the count reads them.</summary>
internal sealed class EventCountRow
{
    public int CampaignId { get; init; }

    public int? UnitId { get; init; }

    public DateOnly Date { get; init; }

    public EventKind Kind { get; init; }

    public EventChannel Channel { get; init; }

    public EventStatus Status { get; init; }

    public int Events { get; init; }
}

/// <summary>A metric's sum of a day, as the count reads it.</summary>
internal sealed class FigureSumRow
{
    public int CampaignId { get; init; }

    public int? UnitId { get; init; }

    public DateOnly Date { get; init; }

    public int MetricDefinitionId { get; init; }

    public decimal Value { get; init; }
}

/// <summary>
/// The events and figures of a scope as of now, for grouped queries: the tallies (<see cref="EventTally"/>,
/// <see cref="FigureTally"/>, kept by the save path), a month's row for each whole month of the period but the current
/// one and a day's row for every other day but today; and, for today, the events and figures themselves, since today's
/// events are counted by the minute (<see cref="HeldRule"/>). Today's rows not started yet are dated tomorrow, so that
/// every reader decides by the day alone (a month's row is dated its first day: a past month has started, a future
/// one has not). Each part is a range of its index; they are read as one UNION ALL. A scope of some units only
/// (<see cref="TallyScope.Among"/>) is read from the events and figures themselves, in the same shape and by the
/// same dating.
/// </summary>
internal static class Tallies
{
    /// <param name="daysOnly">Day rows only, for readers that need each day (a chart in days or weeks).</param>
    public static IQueryable<EventCountRow> Events(CampaignHubDbContext db, TallyScope scope, DateTime now, bool daysOnly = false)
    {
        if (scope.Among is not null)
        {
            return EventsAmong(db, scope, now);
        }

        var today = DateOnly.FromDateTime(now);
        var (ids, unit) = (scope.CampaignIds, scope.UnitId ?? 0);
        var tallies = db.EventTallies.AsNoTracking().Where(t => ids.Contains(t.CampaignId));
        tallies = scope.Share switch
        {
            UnitShare.One => tallies.Where(t => t.UnitId == unit),
            UnitShare.Each => tallies.Where(t => t.UnitId != null),
            _ => tallies.Where(t => t.UnitId == null),
        };
        IQueryable<EventCountRow>? rows = null;
        foreach (var (span, from, to) in Segments(scope.From, scope.To, today, daysOnly))
        {
            var part = tallies.Where(t => t.Span == span && t.Date >= from && t.Date <= to).Select(t => new EventCountRow
            {
                CampaignId = t.CampaignId, UnitId = t.UnitId, Date = t.Date, Kind = t.Kind, Channel = t.Channel, Status = t.Status, Events = t.Events,
            });
            rows = rows is null ? part : rows.Concat(part);
        }

        if (today < scope.From || today > scope.To)
        {
            return rows ?? Nothing(db);
        }

        var start = today.ToDateTime(TimeOnly.MinValue);
        var end = today.AddDays(1).ToDateTime(TimeOnly.MinValue);
        var tomorrow = today.AddDays(1);
        var todays = db.Events.AsNoTracking().Where(e => ids.Contains(e.CampaignId) && e.StartsAt >= start && e.StartsAt < end);
        IQueryable<EventCountRow> read;
        if (scope.Share == UnitShare.Whole)
        {
            read = todays.Select(e => new EventCountRow
            {
                CampaignId = e.CampaignId, UnitId = null, Date = e.StartsAt <= now ? today : tomorrow, Kind = e.Kind, Channel = e.Channel,
                Status = e.Status, Events = 1,
            });
        }
        else
        {
            var units = scope.Share == UnitShare.One ? db.EventUnits.Where(u => u.UnitId == unit) : db.EventUnits;
            read = from e in todays
                join u in units on e.Id equals u.EventId
                select new EventCountRow
                {
                    CampaignId = e.CampaignId, UnitId = u.UnitId, Date = e.StartsAt <= now ? today : tomorrow, Kind = e.Kind, Channel = e.Channel,
                    Status = e.Status, Events = 1,
                };
        }

        return rows is null ? read : rows.Concat(read);
    }

    /// <param name="metricIds">Only these metrics (people served): filtered in every part, so each reads only their rows.</param>
    public static IQueryable<FigureSumRow> Figures(CampaignHubDbContext db, TallyScope scope, DateTime now, int[]? metricIds = null)
    {
        if (scope.Among is not null)
        {
            return FiguresAmong(db, scope, now, metricIds);
        }

        var today = DateOnly.FromDateTime(now);
        var (ids, unit) = (scope.CampaignIds, scope.UnitId ?? 0);
        var tallies = db.FigureTallies.AsNoTracking().Where(t => ids.Contains(t.CampaignId));
        if (metricIds is not null)
        {
            tallies = tallies.Where(t => metricIds.Contains(t.MetricDefinitionId));
        }

        tallies = scope.Share switch
        {
            UnitShare.One => tallies.Where(t => t.UnitId == unit),
            UnitShare.Each => tallies.Where(t => t.UnitId != null),
            _ => tallies.Where(t => t.UnitId == null),
        };
        IQueryable<FigureSumRow>? rows = null;
        foreach (var (span, from, to) in Segments(scope.From, scope.To, today, daysOnly: false))
        {
            var part = tallies.Where(t => t.Span == span && t.Date >= from && t.Date <= to).Select(t => new FigureSumRow
            {
                CampaignId = t.CampaignId, UnitId = t.UnitId, Date = t.Date, MetricDefinitionId = t.MetricDefinitionId, Value = t.Value,
            });
            rows = rows is null ? part : rows.Concat(part);
        }

        if (today < scope.From || today > scope.To)
        {
            return rows ?? NoFigures(db);
        }

        var tomorrow = today.AddDays(1);
        var todays = db.MetricValues.AsNoTracking()
            .Where(v => ids.Contains(v.CampaignId) && v.Date == today && (v.EventId == null || v.Event!.Status != EventStatus.Cancelled));
        if (metricIds is not null)
        {
            todays = todays.Where(v => metricIds.Contains(v.MetricDefinitionId));
        }

        IQueryable<FigureSumRow> read;
        if (scope.Share == UnitShare.Whole)
        {
            read = todays.Select(v => new FigureSumRow
            {
                CampaignId = v.CampaignId, UnitId = null, Date = v.EventId == null || v.Event!.StartsAt <= now ? today : tomorrow,
                MetricDefinitionId = v.MetricDefinitionId, Value = v.Value,
            });
        }
        else
        {
            var units = scope.Share == UnitShare.One ? db.EventUnits.Where(u => u.UnitId == unit) : db.EventUnits;
            var entries = todays.Where(v => v.EventId == null && v.UnitId != null);
            if (scope.Share == UnitShare.One)
            {
                entries = entries.Where(v => v.UnitId == unit);
            }

            read = (
                    from v in todays
                    join u in units on v.EventId equals (int?)u.EventId
                    select new FigureSumRow
                    {
                        CampaignId = v.CampaignId, UnitId = u.UnitId, Date = v.Event!.StartsAt <= now ? today : tomorrow,
                        MetricDefinitionId = v.MetricDefinitionId, Value = v.Value,
                    })
                .Concat(entries.Select(v => new FigureSumRow
                {
                    CampaignId = v.CampaignId, UnitId = v.UnitId, Date = today, MetricDefinitionId = v.MetricDefinitionId, Value = v.Value,
                }));
        }

        return rows is null ? read : rows.Concat(read);
    }

    /// <summary>
    /// The tally ranges that make up the period as of <paramref name="today"/>: whole months but the current one as
    /// month rows (unless <paramref name="daysOnly"/>), every other day but today as day rows.
    /// </summary>
    internal static List<(TallySpan Span, DateOnly From, DateOnly To)> Segments(DateOnly from, DateOnly to, DateOnly today, bool daysOnly)
    {
        var days = new List<(DateOnly From, DateOnly To)>();
        var segments = new List<(TallySpan, DateOnly, DateOnly)>();
        var firstMonth = from.Day == 1 ? from : from.Year == 9999 && from.Month == 12 ? DateOnly.MaxValue : new DateOnly(from.Year, from.Month, 1).AddMonths(1);
        var lastMonthEnd = to == DateOnly.MaxValue || to.AddDays(1).Day == 1 ? to : new DateOnly(to.Year, to.Month, 1).AddDays(-1);
        if (daysOnly || firstMonth > lastMonthEnd)
        {
            days.Add((from, to));
        }
        else
        {
            var lastMonth = new DateOnly(lastMonthEnd.Year, lastMonthEnd.Month, 1);
            var current = new DateOnly(today.Year, today.Month, 1);
            if (from < firstMonth)
            {
                days.Add((from, firstMonth.AddDays(-1)));
            }

            if (current >= firstMonth && current <= lastMonth)
            {
                if (current > firstMonth)
                {
                    segments.Add((TallySpan.Month, firstMonth, current.AddMonths(-1)));
                }

                days.Add((current, current.AddMonths(1).AddDays(-1)));
                if (current < lastMonth)
                {
                    segments.Add((TallySpan.Month, current.AddMonths(1), lastMonth));
                }
            }
            else
            {
                segments.Add((TallySpan.Month, firstMonth, lastMonth));
            }

            if (lastMonthEnd < to)
            {
                days.Add((lastMonthEnd.AddDays(1), to));
            }
        }

        // Today is read from the events themselves.
        foreach (var (start, end) in days)
        {
            if (today < start || today > end)
            {
                segments.Add((TallySpan.Day, start, end));
                continue;
            }

            if (today > start)
            {
                segments.Add((TallySpan.Day, start, today.AddDays(-1)));
            }

            if (today < end)
            {
                segments.Add((TallySpan.Day, today.AddDays(1), end));
            }
        }

        return segments;
    }

    /// <summary>
    /// The events of some units only, one row an event (a unit's row for each of its units among them): no tally can
    /// say that a joint event of two approved units counts once for the campaign. Dated as the tallies are: the day
    /// it starts, or tomorrow for today's events not started yet. A report's period is a week or a month of rows.
    /// </summary>
    private static IQueryable<EventCountRow> EventsAmong(CampaignHubDbContext db, TallyScope scope, DateTime now)
    {
        var today = DateOnly.FromDateTime(now);
        var tomorrow = today.AddDays(1);
        var tomorrowStarts = tomorrow.ToDateTime(TimeOnly.MinValue);
        var (ids, among, unit) = (scope.CampaignIds, scope.Among!, scope.UnitId ?? 0);
        var start = scope.From.ToDateTime(TimeOnly.MinValue);
        var end = scope.To == DateOnly.MaxValue ? DateTime.MaxValue : scope.To.AddDays(1).ToDateTime(TimeOnly.MinValue);
        var events = db.Events.AsNoTracking().Where(e => ids.Contains(e.CampaignId) && e.StartsAt >= start && e.StartsAt < end
                                                         && e.Units.Any(u => among.Contains(u.UnitId)));
        if (scope.Share == UnitShare.Whole)
        {
            return events.Select(e => new EventCountRow
            {
                CampaignId = e.CampaignId, UnitId = null, Date = e.StartsAt > now && e.StartsAt < tomorrowStarts ? tomorrow : DateOnly.FromDateTime(e.StartsAt),
                Kind = e.Kind, Channel = e.Channel, Status = e.Status, Events = 1,
            });
        }

        var units = scope.Share == UnitShare.One ? db.EventUnits.Where(u => u.UnitId == unit) : db.EventUnits.Where(u => among.Contains(u.UnitId));
        return from e in events
            join u in units on e.Id equals u.EventId
            select new EventCountRow
            {
                CampaignId = e.CampaignId, UnitId = u.UnitId, Date = e.StartsAt > now && e.StartsAt < tomorrowStarts ? tomorrow : DateOnly.FromDateTime(e.StartsAt),
                Kind = e.Kind, Channel = e.Channel, Status = e.Status, Events = 1,
            };
    }

    /// <summary>
    /// The figures of some units only: an event's when one of its units is among them (credited to each of those), a
    /// campaign-level entry when its own unit is; a cancelled event's never. Dated as the tallies are.
    /// </summary>
    private static IQueryable<FigureSumRow> FiguresAmong(CampaignHubDbContext db, TallyScope scope, DateTime now, int[]? metricIds)
    {
        var today = DateOnly.FromDateTime(now);
        var tomorrow = today.AddDays(1);
        var (ids, among, unit, from, to) = (scope.CampaignIds, scope.Among!, scope.UnitId ?? 0, scope.From, scope.To);
        var values = db.MetricValues.AsNoTracking().Where(v => ids.Contains(v.CampaignId) && v.Date >= from && v.Date <= to);
        if (metricIds is not null)
        {
            values = values.Where(v => metricIds.Contains(v.MetricDefinitionId));
        }

        var ofEvents = values.Where(v => v.EventId != null && v.Event!.Status != EventStatus.Cancelled && v.Event.Units.Any(u => among.Contains(u.UnitId)));
        var entries = values.Where(v => v.EventId == null && v.UnitId != null && among.Contains(v.UnitId.Value));
        if (scope.Share == UnitShare.One)
        {
            entries = entries.Where(v => v.UnitId == unit);
        }

        IQueryable<FigureSumRow> credited;
        if (scope.Share == UnitShare.Whole)
        {
            credited = ofEvents.Select(v => new FigureSumRow
            {
                CampaignId = v.CampaignId, UnitId = null, Date = v.Date == today && v.Event!.StartsAt > now ? tomorrow : v.Date,
                MetricDefinitionId = v.MetricDefinitionId, Value = v.Value,
            });
        }
        else
        {
            var units = scope.Share == UnitShare.One ? db.EventUnits.Where(u => u.UnitId == unit) : db.EventUnits.Where(u => among.Contains(u.UnitId));
            credited = from v in ofEvents
                join u in units on v.EventId equals (int?)u.EventId
                select new FigureSumRow
                {
                    CampaignId = v.CampaignId, UnitId = u.UnitId, Date = v.Date == today && v.Event!.StartsAt > now ? tomorrow : v.Date,
                    MetricDefinitionId = v.MetricDefinitionId, Value = v.Value,
                };
        }

        return credited.Concat(scope.Share == UnitShare.Whole
            ? entries.Select(v => new FigureSumRow
            {
                CampaignId = v.CampaignId, UnitId = null, Date = v.Date, MetricDefinitionId = v.MetricDefinitionId, Value = v.Value,
            })
            : entries.Select(v => new FigureSumRow
            {
                CampaignId = v.CampaignId, UnitId = v.UnitId, Date = v.Date, MetricDefinitionId = v.MetricDefinitionId, Value = v.Value,
            }));
    }

    /// <summary>
    /// The figures marked as estimates in the scope, read from the rows and dated as the tallies are: the scope's
    /// unit (an event's when it is one of the event's units, an entry's when it is its own) and its
    /// <see cref="TallyScope.Among"/> units; a cancelled event's never.
    /// </summary>
    public static IQueryable<FigureSumRow> EstimatedFigures(CampaignHubDbContext db, TallyScope scope, DateTime now)
    {
        var today = DateOnly.FromDateTime(now);
        var tomorrow = today.AddDays(1);
        var (ids, from, to) = (scope.CampaignIds, scope.From, scope.To);
        var values = db.MetricValues.AsNoTracking().Where(v => v.IsEstimate && ids.Contains(v.CampaignId) && v.Date >= from && v.Date <= to
            && (v.EventId == null || v.Event!.Status != EventStatus.Cancelled));
        if (scope.UnitId is { } unit)
        {
            values = values.Where(v => v.EventId == null ? v.UnitId == unit : v.Event!.Units.Any(u => u.UnitId == unit));
        }

        if (scope.Among is { } among)
        {
            values = values.Where(v => v.EventId == null
                ? v.UnitId != null && among.Contains(v.UnitId.Value)
                : v.Event!.Units.Any(u => among.Contains(u.UnitId)));
        }

        return values.Select(v => new FigureSumRow
        {
            CampaignId = v.CampaignId, UnitId = null,
            Date = v.EventId != null && v.Date == today && v.Event!.StartsAt > now ? tomorrow : v.Date,
            MetricDefinitionId = v.MetricDefinitionId, Value = v.Value,
        });
    }

    private static IQueryable<EventCountRow> Nothing(CampaignHubDbContext db) =>
        db.EventTallies.AsNoTracking().Where(t => false).Select(t => new EventCountRow
        {
            CampaignId = t.CampaignId, UnitId = t.UnitId, Date = t.Date, Kind = t.Kind, Channel = t.Channel, Status = t.Status, Events = t.Events,
        });

    private static IQueryable<FigureSumRow> NoFigures(CampaignHubDbContext db) =>
        db.FigureTallies.AsNoTracking().Where(t => false).Select(t => new FigureSumRow
        {
            CampaignId = t.CampaignId, UnitId = t.UnitId, Date = t.Date, MetricDefinitionId = t.MetricDefinitionId, Value = t.Value,
        });
}
