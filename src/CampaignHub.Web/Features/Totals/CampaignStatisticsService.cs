using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace CampaignHub.Web.Features.Totals;

/// <summary>
/// The dashboard's and the summary report's numbers. Every figure is grouped in the database; the same rules as
/// <see cref="TotalsService"/> (cancelled events do not count; with a unit, joint events count for it).
/// </summary>
public sealed class CampaignStatisticsService(IDbContextFactory<CampaignHubDbContext> dbFactory, TotalsService totalsService)
{
    /// <summary>The metrics whose sum is "people served" in the per-unit table.</summary>
    public static readonly IReadOnlyList<string> PeopleServedMetrics = ["patients_benefited", "public_benefited"];

    public async Task<CampaignStatistics> GetAsync(TotalsQuery query, CancellationToken cancellationToken = default)
    {
        // Validates the campaign and the period, and gives the headline totals.
        var totals = await totalsService.GetAsync(query, cancellationToken);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var campaign = await db.Campaigns.AsNoTracking().Where(c => c.Id == query.CampaignId)
            .Select(c => new { c.StartDate, c.EndDate }).FirstAsync(cancellationToken);
        var from = query.From ?? campaign.StartDate;
        var to = query.To ?? campaign.EndDate;
        var start = from.ToDateTime(TimeOnly.MinValue);
        var end = Period.EndAfter(to);

        var events = db.Events.AsNoTracking().Where(e => e.CampaignId == query.CampaignId
            && e.Status != EventStatus.Cancelled && e.StartsAt >= start && e.StartsAt < end);
        if (query.UnitId is { } only)
        {
            events = events.Where(e => e.Units.Any(c => c.UnitId == only));
        }

        // Only some units (the approved ones): their events, and the per-unit rows and figures of those units alone.
        var anyUnit = query.Units is null;
        var among = query.Units?.ToList() ?? [];
        if (!anyUnit)
        {
            events = events.Where(e => e.Units.Any(c => among.Contains(c.UnitId)));
        }

        var perDay = await events
            .GroupBy(e => new { e.StartsAt.Date, e.Channel })
            .Select(g => new { g.Key.Date, g.Key.Channel, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var byUnit = await events
            .SelectMany(e => e.Units, (e, ec) => new { ec.UnitId, e.Kind })
            .Where(ec => query.UnitId == null || ec.UnitId == query.UnitId)
            .Where(ec => anyUnit || among.Contains(ec.UnitId))
            .GroupBy(ec => new { ec.UnitId, ec.Kind })
            .Select(g => new { g.Key.UnitId, g.Key.Kind, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var servedIds = await db.MetricDefinitions.AsNoTracking()
            .Where(m => PeopleServedMetrics.Contains(m.Code)).Select(m => m.Id).ToListAsync(cancellationToken);
        var values = db.MetricValues.AsNoTracking().Where(v => v.CampaignId == query.CampaignId
            && v.Date >= from && v.Date <= to && servedIds.Contains(v.MetricDefinitionId));
        // An event's figures are credited to each of its units; a campaign-level entry to its own unit.
        var servedByEvents = await values
            .Where(v => v.EventId != null && v.Event!.Status != EventStatus.Cancelled)
            .SelectMany(v => v.Event!.Units, (v, c) => new { c.UnitId, v.Value })
            .Where(x => query.UnitId == null || x.UnitId == query.UnitId)
            .Where(x => anyUnit || among.Contains(x.UnitId))
            .GroupBy(x => x.UnitId)
            .Select(g => new { UnitId = g.Key, Sum = g.Sum(x => x.Value) })
            .ToListAsync(cancellationToken);
        var servedByEntries = await values
            .Where(v => v.EventId == null && v.UnitId != null)
            .Where(v => query.UnitId == null || v.UnitId == query.UnitId)
            .Where(v => anyUnit || among.Contains(v.UnitId!.Value))
            .GroupBy(v => v.UnitId!.Value)
            .Select(g => new { UnitId = g.Key, Sum = g.Sum(v => v.Value) })
            .ToListAsync(cancellationToken);

        var unitIds = byUnit.Select(c => c.UnitId)
            .Concat(servedByEvents.Select(s => s.UnitId)).Concat(servedByEntries.Select(s => s.UnitId))
            .Distinct().ToList();
        var names = await db.Units.AsNoTracking().Where(c => unitIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Name, c.NameEn }).ToDictionaryAsync(c => c.Id, cancellationToken);
        var catalogue = await db.MetricDefinitions.AsNoTracking().OrderBy(m => m.SortOrder).ThenBy(m => m.Id).ToListAsync(cancellationToken);
        var targets = await db.Set<CampaignTarget>().AsNoTracking().Where(t => t.CampaignId == query.CampaignId)
            .ToDictionaryAsync(t => t.MetricDefinitionId, t => t.Target, cancellationToken);

        var days = new List<DailyEventCount>();
        for (var day = from; day <= to && days.Count < 366; day = day.AddDays(1))
        {
            var date = day.ToDateTime(TimeOnly.MinValue);
            days.Add(new DailyEventCount(day,
                perDay.Where(d => d.Date == date && d.Channel == EventChannel.Online).Sum(d => d.Count),
                perDay.Where(d => d.Date == date && d.Channel == EventChannel.Offline).Sum(d => d.Count)));
        }

        var units = unitIds
            .Select(id => new UnitActivity(
                id, names[id].Name, names[id].NameEn,
                byUnit.Where(c => c.UnitId == id).Sum(c => c.Count),
                byUnit.Where(c => c.UnitId == id).OrderBy(c => c.Kind)
                    .ToDictionary(c => Codes<EventKind>.Of(c.Kind), c => c.Count),
                servedByEvents.Where(s => s.UnitId == id).Sum(s => s.Sum) + servedByEntries.Where(s => s.UnitId == id).Sum(s => s.Sum)))
            .OrderByDescending(c => c.Events).ThenBy(c => c.UnitId)
            .ToList();

        var metrics = catalogue.Where(m => totals.Metrics.ContainsKey(m.Code))
            .Select(m => new MetricTotal(m.Code, m.Name, m.NameEn, m.Unit, m.UnitEn, Codes<MetricGroup>.Of(m.Group), totals.Metrics[m.Code],
                totals.Estimated.GetValueOrDefault(m.Code)))
            .ToList();
        var progress = catalogue.Where(m => targets.ContainsKey(m.Id))
            .Select(m => new TargetProgress(m.Code, m.Name, m.NameEn, targets[m.Id], totals.Metrics.GetValueOrDefault(m.Code)))
            .ToList();

        return new CampaignStatistics(query.CampaignId, from, to, query.UnitId, totals, days, units, metrics, progress);
    }
}
