using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace CampaignHub.Web.Features.Totals;

/// <summary>
/// The dashboard's and the summary report's numbers. Every figure is grouped in the database; the same rules as
/// <see cref="TotalsService"/> (cancelled events do not count; with a committee, joint events count for it).
/// </summary>
public sealed class CampaignStatisticsService(IDbContextFactory<CampaignHubDbContext> dbFactory, TotalsService totalsService)
{
    /// <summary>The metrics whose sum is "people served" in the per-committee table.</summary>
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
        if (query.CommitteeId is { } only)
        {
            events = events.Where(e => e.Committees.Any(c => c.CommitteeId == only));
        }

        var perDay = await events
            .GroupBy(e => new { e.StartsAt.Date, e.Channel })
            .Select(g => new { g.Key.Date, g.Key.Channel, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var byCommittee = await events
            .SelectMany(e => e.Committees, (e, ec) => new { ec.CommitteeId, e.Kind })
            .Where(ec => query.CommitteeId == null || ec.CommitteeId == query.CommitteeId)
            .GroupBy(ec => new { ec.CommitteeId, ec.Kind })
            .Select(g => new { g.Key.CommitteeId, g.Key.Kind, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var servedIds = await db.MetricDefinitions.AsNoTracking()
            .Where(m => PeopleServedMetrics.Contains(m.Code)).Select(m => m.Id).ToListAsync(cancellationToken);
        var values = db.MetricValues.AsNoTracking().Where(v => v.CampaignId == query.CampaignId
            && v.Date >= from && v.Date <= to && servedIds.Contains(v.MetricDefinitionId));
        // An event's figures are credited to each of its committees; a campaign-level entry to its own committee.
        var servedByEvents = await values
            .Where(v => v.EventId != null && v.Event!.Status != EventStatus.Cancelled)
            .SelectMany(v => v.Event!.Committees, (v, c) => new { c.CommitteeId, v.Value })
            .Where(x => query.CommitteeId == null || x.CommitteeId == query.CommitteeId)
            .GroupBy(x => x.CommitteeId)
            .Select(g => new { CommitteeId = g.Key, Sum = g.Sum(x => x.Value) })
            .ToListAsync(cancellationToken);
        var servedByEntries = await values
            .Where(v => v.EventId == null && v.CommitteeId != null)
            .Where(v => query.CommitteeId == null || v.CommitteeId == query.CommitteeId)
            .GroupBy(v => v.CommitteeId!.Value)
            .Select(g => new { CommitteeId = g.Key, Sum = g.Sum(v => v.Value) })
            .ToListAsync(cancellationToken);

        var committeeIds = byCommittee.Select(c => c.CommitteeId)
            .Concat(servedByEvents.Select(s => s.CommitteeId)).Concat(servedByEntries.Select(s => s.CommitteeId))
            .Distinct().ToList();
        var names = await db.Committees.AsNoTracking().Where(c => committeeIds.Contains(c.Id))
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

        var committees = committeeIds
            .Select(id => new CommitteeActivity(
                id, names[id].Name, names[id].NameEn,
                byCommittee.Where(c => c.CommitteeId == id).Sum(c => c.Count),
                byCommittee.Where(c => c.CommitteeId == id).OrderBy(c => c.Kind)
                    .ToDictionary(c => Codes<EventKind>.Of(c.Kind), c => c.Count),
                servedByEvents.Where(s => s.CommitteeId == id).Sum(s => s.Sum) + servedByEntries.Where(s => s.CommitteeId == id).Sum(s => s.Sum)))
            .OrderByDescending(c => c.Events).ThenBy(c => c.CommitteeId)
            .ToList();

        var metrics = catalogue.Where(m => totals.Metrics.ContainsKey(m.Code))
            .Select(m => new MetricTotal(m.Code, m.Name, m.NameEn, m.Unit, m.UnitEn, Codes<MetricGroup>.Of(m.Group), totals.Metrics[m.Code]))
            .ToList();
        var progress = catalogue.Where(m => targets.ContainsKey(m.Id))
            .Select(m => new TargetProgress(m.Code, m.Name, m.NameEn, targets[m.Id], totals.Metrics.GetValueOrDefault(m.Code)))
            .ToList();

        return new CampaignStatistics(query.CampaignId, from, to, query.CommitteeId, totals, days, committees, metrics, progress);
    }
}
