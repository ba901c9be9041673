using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Association;
using Microsoft.EntityFrameworkCore;

namespace CampaignHub.Web.Features.Totals;

/// <summary>
/// The dashboard's and the summary report's numbers. Every figure is grouped in the database from the per-day
/// tallies, by the same rule as <see cref="TotalsService"/> (<see cref="HeldRule"/>; with a unit, joint events count
/// for it), so a period of a year costs about what a week does.
/// </summary>
public sealed class CampaignStatisticsService(IDbContextFactory<CampaignHubDbContext> dbFactory, TotalsService totalsService, AssociationClock clock)
{
    /// <summary>The metrics whose sum is "people served" in the per-unit table.</summary>
    public static readonly IReadOnlyList<string> PeopleServedMetrics = ["patients_benefited", "public_benefited"];

    /// <summary>Days the per-day list holds at most (it is there for periods drawn in days or weeks); the timeline covers any period.</summary>
    private const int MaxDays = 366;

    public async Task<CampaignStatistics> GetAsync(TotalsQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Checks the campaign and the period.
        var scope = await totalsService.ScopeAsync(db, query, cancellationToken);
        var targets = await db.Set<CampaignTarget>().AsNoTracking().Where(t => t.CampaignId == query.CampaignId)
            .ToDictionaryAsync(t => t.MetricDefinitionId, t => t.Target, cancellationToken);
        return await GetAsync(db, scope, query.Compare, targets, cancellationToken) with { CampaignId = query.CampaignId };
    }

    /// <summary>The statistics of several campaigns together (a programme's), over a period: no targets, which are each campaign's own.</summary>
    internal async Task<CampaignStatistics> GetAsync(int programmeId, int[] campaignIds, DateOnly from, DateOnly to, bool compare, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        totalsService.RequireOrderedPeriod(from, to);
        return await GetAsync(db, TallyScope.Of(campaignIds, from, to, null), compare, new Dictionary<int, decimal>(), cancellationToken)
            with { ProgrammeId = programmeId };
    }

    private async Task<CampaignStatistics> GetAsync(
        CampaignHubDbContext db, TallyScope scope, bool compare, IReadOnlyDictionary<int, decimal> targets, CancellationToken cancellationToken)
    {
        var totals = await totalsService.CountAsync(db, scope, compare, cancellationToken);
        var now = clock.Now;
        var today = DateOnly.FromDateTime(now);

        // Bars per day or week need each day's rows; bars per month read the months' rows (dated their first days).
        var granularity = EventTimeline.GranularityFor(scope.From, scope.To);
        var perDay = (await Tallies.Events(db, scope, now, daysOnly: granularity != TimelineGranularity.Month)
                .Where(HeldRule.CountedRow(today))
                .GroupBy(t => new { t.Date, t.Channel })
                .Select(g => new { g.Key.Date, g.Key.Channel, Count = g.Sum(t => t.Events) })
                .ToListAsync(cancellationToken))
            .GroupBy(d => d.Date)
            .ToDictionary(g => g.Key, g => (
                Online: g.Where(d => d.Channel == EventChannel.Online).Sum(d => d.Count),
                Offline: g.Where(d => d.Channel == EventChannel.Offline).Sum(d => d.Count)));

        // Each unit's share: a joint event counts for each of its units, an event's figures are credited to each of
        // them, a campaign-level entry to its own unit.
        var unitScope = scope.Share == UnitShare.Whole ? scope with { Share = UnitShare.Each } : scope;
        var byUnit = await Tallies.Events(db, unitScope, now)
            .Where(HeldRule.CountedRow(today))
            .GroupBy(t => new { t.UnitId, t.Kind })
            .Select(g => new { UnitId = g.Key.UnitId!.Value, g.Key.Kind, Count = g.Sum(t => t.Events) })
            .ToListAsync(cancellationToken);
        var catalogue = await db.MetricDefinitions.AsNoTracking().OrderBy(m => m.SortOrder).ThenBy(m => m.Id).ToListAsync(cancellationToken);
        var servedIds = catalogue.Where(m => PeopleServedMetrics.Contains(m.Code)).Select(m => m.Id).ToArray();
        // By unit and metric: grouped by unit alone, SQLite would rather read every metric's rows in unit order than sort two metrics' rows.
        var served = (await Tallies.Figures(db, unitScope, now, servedIds)
                .Where(HeldRule.CountedFigure(today))
                .GroupBy(f => new { f.UnitId, f.MetricDefinitionId })
                .Select(g => new { UnitId = g.Key.UnitId!.Value, Sum = g.Sum(f => f.Value) })
                .ToListAsync(cancellationToken))
            .GroupBy(s => s.UnitId)
            .Select(g => new { UnitId = g.Key, Sum = g.Sum(s => s.Sum) })
            .ToList();

        var unitIds = byUnit.Select(c => c.UnitId).Concat(served.Select(s => s.UnitId)).Distinct().ToList();
        var names = await db.Units.AsNoTracking().Where(c => unitIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Name, c.NameEn }).ToDictionaryAsync(c => c.Id, cancellationToken);

        var days = new List<DailyEventCount>();
        for (var day = scope.From; granularity != TimelineGranularity.Month && day <= scope.To && days.Count < MaxDays; day = day.AddDays(1))
        {
            var counts = perDay.GetValueOrDefault(day);
            days.Add(new DailyEventCount(day, counts.Online, counts.Offline));
            if (day == DateOnly.MaxValue)
            {
                break;
            }
        }

        var units = unitIds.Where(names.ContainsKey)
            .Select(id => new UnitActivity(
                id, names[id].Name, names[id].NameEn,
                byUnit.Where(c => c.UnitId == id).Sum(c => c.Count),
                byUnit.Where(c => c.UnitId == id).OrderBy(c => c.Kind)
                    .ToDictionary(c => Codes<EventKind>.Of(c.Kind), c => c.Count),
                served.Where(s => s.UnitId == id).Sum(s => s.Sum)))
            .OrderByDescending(c => c.Events).ThenBy(c => c.UnitId)
            .ToList();

        var metrics = catalogue.Where(m => totals.Metrics.ContainsKey(m.Code))
            .Select(m => new MetricTotal(m.Code, m.Name, m.NameEn, m.Unit, m.UnitEn, Codes<MetricGroup>.Of(m.Group), totals.Metrics[m.Code],
                totals.Estimated.GetValueOrDefault(m.Code)))
            .ToList();
        var progress = catalogue.Where(m => targets.ContainsKey(m.Id))
            .Select(m => new TargetProgress(m.Code, m.Name, m.NameEn, targets[m.Id], totals.Metrics.GetValueOrDefault(m.Code)))
            .ToList();

        return new CampaignStatistics(scope.CampaignIds.Length == 1 ? scope.CampaignIds[0] : 0, scope.From, scope.To, scope.UnitId,
            totals, days, units, metrics, progress)
        {
            Timeline = EventTimeline.Of(scope.From, scope.To, perDay),
        };
    }
}
