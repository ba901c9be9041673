using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampaignHub.Web.Features.Figures;

/// <summary>A figure far above its usual (<see cref="OutlierRule"/>): saved as sent, but worth a second look.</summary>
/// <param name="Field">The API's field name, <c>figures.{code}</c>.</param>
/// <param name="Usual">The usual value it is far above.</param>
public sealed record FigureWarning(string Field, string Code, decimal Value, decimal Usual, string Message);

/// <summary>
/// Finds unusual figures by <see cref="OutlierRule"/> against the earlier figures of the same metric: at events of the
/// same kind (an event's figures) or among campaign-level entries (a unit's day). Read only; never refuses anything.
/// The event form and the campaign figures form ask while the user types, the services add the warnings to a save's
/// response, and <see cref="UnusualFiguresCheck"/> lists them on a submission's checklist for the reviewer.
/// </summary>
public sealed class UnusualFigureService(IDbContextFactory<CampaignHubDbContext> dbFactory, IStringLocalizer<SharedResource> localizer)
{
    /// <summary>
    /// The unusual ones among an event's <paramref name="figures"/>, against earlier events (started before
    /// <paramref name="start"/>, not cancelled, not the event itself) of the same kind: the units' own and the campaign's.
    /// The baselines are read from the last <see cref="CandidateEvents"/> such events of each, newest first, and all
    /// metrics at once: reading every earlier figure of a metric and sorting them cost 75 ms a metric with 100,000
    /// events, on every save and for every event on a submission's checklist.
    /// </summary>
    public async Task<IReadOnlyList<FigureWarning>> ForEventAsync(
        int campaignId, EventKind kind, IReadOnlyCollection<int> unitIds, DateTime start, int? eventId,
        IReadOnlyDictionary<string, decimal> figures, CancellationToken cancellationToken = default)
    {
        if (figures.Count == 0 || figures.Values.All(v => v <= 0))
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var catalogue = await FigureRules.ActiveCatalogueAsync(db, cancellationToken);
        var asked = figures.Where(f => f.Value > 0 && catalogue.ContainsKey(f.Key)).Select(f => (Metric: catalogue[f.Key], f.Value)).ToList();
        if (asked.Count == 0)
        {
            return [];
        }

        var units = unitIds.ToList();
        var earlierEvents = db.Events.AsNoTracking()
            .Where(e => e.Kind == kind && e.Status != EventStatus.Cancelled && e.StartsAt < start && e.Id != eventId);
        // The units' own events are read whole (a few columns of a few hundred rows) and sifted here: given the kind
        // in SQL, SQLite's planner walks every event of the kind (most of the table) instead of the units' events.
        var ofUnits = db.EventUnits.Where(link => units.Contains(link.UnitId)).Select(link => link.EventId);
        var unitEvents = (await db.Events.AsNoTracking().Where(e => ofUnits.Contains(e.Id))
                .Select(e => new { e.Id, e.Kind, e.Status, e.StartsAt }).ToListAsync(cancellationToken))
            .Where(e => e.Kind == kind && e.Status != EventStatus.Cancelled && e.StartsAt < start && e.Id != eventId)
            .OrderByDescending(e => e.StartsAt).ThenByDescending(e => e.Id)
            .Select(e => e.Id).Take(CandidateEvents).ToList();
        var campaignEvents = await earlierEvents.Where(e => e.CampaignId == campaignId)
            .OrderByDescending(e => e.StartsAt).ThenByDescending(e => e.Id)
            .Select(e => e.Id).Take(CandidateEvents).ToListAsync(cancellationToken);

        var eventIds = unitEvents.Union(campaignEvents).ToList();
        var metricIds = asked.Select(a => a.Metric.Id).ToList();
        var values = (await db.MetricValues.AsNoTracking()
                .Where(v => v.EventId != null && eventIds.Contains(v.EventId.Value) && metricIds.Contains(v.MetricDefinitionId))
                .Select(v => new { EventId = v.EventId!.Value, v.MetricDefinitionId, v.Value })
                .ToListAsync(cancellationToken))
            .ToDictionary(v => (v.EventId, v.MetricDefinitionId), v => v.Value);

        List<decimal> Latest(List<int> newestFirst, int metricId) =>
            newestFirst.Select(id => values.TryGetValue((id, metricId), out var value) ? value : (decimal?)null)
                .OfType<decimal>().Take(OutlierRule.Window).ToList();

        var warnings = new List<FigureWarning>();
        foreach (var (metric, value) in asked)
        {
            if (OutlierRule.UnusualAgainst(value, Latest(unitEvents, metric.Id), Latest(campaignEvents, metric.Id)) is { } usual)
            {
                warnings.Add(Warning(metric, value, usual));
            }
        }

        return warnings;
    }

    /// <summary>How many of the latest earlier events of the kind a baseline looks at for its figures.</summary>
    public const int CandidateEvents = 4 * OutlierRule.Window;

    /// <summary>The unusual ones among a unit's campaign-level figures of a day, against its and the campaign's earlier entries.</summary>
    public async Task<IReadOnlyList<FigureWarning>> ForEntriesAsync(
        int campaignId, int unitId, DateOnly date, IReadOnlyDictionary<string, decimal> figures, CancellationToken cancellationToken = default)
    {
        if (figures.Count == 0)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var catalogue = await FigureRules.ActiveCatalogueAsync(db, cancellationToken);
        var warnings = new List<FigureWarning>();
        foreach (var (code, value) in figures)
        {
            if (!catalogue.TryGetValue(code, out var metric) || value <= 0)
            {
                continue;
            }

            var earlier = db.MetricValues.AsNoTracking()
                .Where(v => v.MetricDefinitionId == metric.Id && v.EventId == null && v.Date < date);
            var unitUsual = await LatestAsync(earlier.Where(v => v.UnitId == unitId), cancellationToken);
            var campaignUsual = await LatestAsync(earlier.Where(v => v.CampaignId == campaignId), cancellationToken);
            if (OutlierRule.UnusualAgainst(value, unitUsual, campaignUsual) is { } usual)
            {
                warnings.Add(Warning(metric, value, usual));
            }
        }

        return warnings;
    }

    private FigureWarning Warning(MetricDefinition metric, decimal value, decimal usual) =>
        new($"figures.{metric.Code}", metric.Code, value, usual,
            string.Format(localizer["Figures_Warning_Unusual"], FigureRule.Of(metric).LocalName, FigureRules.Number(value),
                FigureRules.Number(OutlierRule.Factor), FigureRules.Number(usual)));

    private static async Task<List<decimal>> LatestAsync(IQueryable<MetricValue> values, CancellationToken cancellationToken) =>
        await values.OrderByDescending(v => v.Date).ThenByDescending(v => v.Id).Take(OutlierRule.Window)
            .Select(v => v.Value).ToListAsync(cancellationToken);
}
