using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CampaignHub.Web.Features.Totals;

/// <summary>Which events and figures a count covers: campaigns, an inclusive period, and whose share.</summary>
internal sealed record TallyScope(int[] CampaignIds, DateOnly From, DateOnly To, UnitShare Share = UnitShare.Whole, int? UnitId = null)
{
    public static TallyScope Of(int[] campaignIds, DateOnly from, DateOnly to, int? unitId) =>
        unitId is { } unit ? new(campaignIds, from, to, UnitShare.One, unit) : new(campaignIds, from, to);

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
/// The events and figures of a scope as of now, for grouped queries: the tallies of every day but today
/// (<see cref="EventTally"/>, <see cref="FigureTally"/>, kept by the save path) and, for today, the events and
/// figures themselves, since today's events are counted by the minute (<see cref="HeldRule"/>). Today's rows not
/// started yet are dated tomorrow, so that every reader decides by the day alone.
/// </summary>
internal static class Tallies
{
    public static IQueryable<EventCountRow> Events(CampaignHubDbContext db, TallyScope scope, DateTime now)
    {
        var today = DateOnly.FromDateTime(now);
        var (ids, from, to, unit) = (scope.CampaignIds, scope.From, scope.To, scope.UnitId ?? 0);
        var tallies = db.EventTallies.AsNoTracking().Where(t => ids.Contains(t.CampaignId) && t.Date >= from && t.Date <= to && t.Date != today);
        tallies = scope.Share switch
        {
            UnitShare.One => tallies.Where(t => t.UnitId == unit),
            UnitShare.Each => tallies.Where(t => t.UnitId != null),
            _ => tallies.Where(t => t.UnitId == null),
        };
        var rows = tallies.Select(t => new EventCountRow
        {
            CampaignId = t.CampaignId, UnitId = t.UnitId, Date = t.Date, Kind = t.Kind, Channel = t.Channel, Status = t.Status, Events = t.Events,
        });
        if (today < scope.From || today > scope.To)
        {
            return rows;
        }

        var start = today.ToDateTime(TimeOnly.MinValue);
        var end = today.AddDays(1).ToDateTime(TimeOnly.MinValue);
        var tomorrow = today.AddDays(1);
        var todays = db.Events.AsNoTracking().Where(e => ids.Contains(e.CampaignId) && e.StartsAt >= start && e.StartsAt < end);
        if (scope.Share == UnitShare.Whole)
        {
            return rows.Concat(todays.Select(e => new EventCountRow
            {
                CampaignId = e.CampaignId, UnitId = null, Date = e.StartsAt <= now ? today : tomorrow, Kind = e.Kind, Channel = e.Channel,
                Status = e.Status, Events = 1,
            }));
        }

        var units = scope.Share == UnitShare.One ? db.EventUnits.Where(u => u.UnitId == unit) : db.EventUnits;
        return rows.Concat(
            from e in todays
            join u in units on e.Id equals u.EventId
            select new EventCountRow
            {
                CampaignId = e.CampaignId, UnitId = u.UnitId, Date = e.StartsAt <= now ? today : tomorrow, Kind = e.Kind, Channel = e.Channel,
                Status = e.Status, Events = 1,
            });
    }

    public static IQueryable<FigureSumRow> Figures(CampaignHubDbContext db, TallyScope scope, DateTime now)
    {
        var today = DateOnly.FromDateTime(now);
        var (ids, from, to, unit) = (scope.CampaignIds, scope.From, scope.To, scope.UnitId ?? 0);
        var tallies = db.FigureTallies.AsNoTracking().Where(t => ids.Contains(t.CampaignId) && t.Date >= from && t.Date <= to && t.Date != today);
        tallies = scope.Share switch
        {
            UnitShare.One => tallies.Where(t => t.UnitId == unit),
            UnitShare.Each => tallies.Where(t => t.UnitId != null),
            _ => tallies.Where(t => t.UnitId == null),
        };
        var rows = tallies.Select(t => new FigureSumRow
        {
            CampaignId = t.CampaignId, UnitId = t.UnitId, Date = t.Date, MetricDefinitionId = t.MetricDefinitionId, Value = t.Value,
        });
        if (today < scope.From || today > scope.To)
        {
            return rows;
        }

        var tomorrow = today.AddDays(1);
        var todays = db.MetricValues.AsNoTracking()
            .Where(v => ids.Contains(v.CampaignId) && v.Date == today && (v.EventId == null || v.Event!.Status != EventStatus.Cancelled));
        if (scope.Share == UnitShare.Whole)
        {
            return rows.Concat(todays.Select(v => new FigureSumRow
            {
                CampaignId = v.CampaignId, UnitId = null, Date = v.EventId == null || v.Event!.StartsAt <= now ? today : tomorrow,
                MetricDefinitionId = v.MetricDefinitionId, Value = v.Value,
            }));
        }

        var units = scope.Share == UnitShare.One ? db.EventUnits.Where(u => u.UnitId == unit) : db.EventUnits;
        var entries = todays.Where(v => v.EventId == null && v.UnitId != null);
        if (scope.Share == UnitShare.One)
        {
            entries = entries.Where(v => v.UnitId == unit);
        }

        return rows
            .Concat(
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
}
