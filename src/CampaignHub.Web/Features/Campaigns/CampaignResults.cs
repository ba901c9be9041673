using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Totals;
using Microsoft.EntityFrameworkCore;

namespace CampaignHub.Web.Features.Campaigns;

/// <summary>
/// What a campaign achieved in a period beyond its counts: its outcome indicators with their values and the screening
/// funnel, evaluated from the period's totals. The report and the dashboard show the same values from here.
/// </summary>
public sealed record CampaignResults(IReadOnlyList<OutcomeResult> Outcomes, IReadOnlyList<FunnelStepResult> Funnel)
{
    public static CampaignResults Empty { get; } = new([], []);
}

/// <summary>A metric named by an outcome, with its names and unit.</summary>
public sealed record MetricName(string Code, string Name, string NameEn, string Unit, string UnitEn);

/// <summary>
/// An outcome and its value in percent: a measured rate as stated (or its counts' quotient), a computed one from the
/// period's totals; null when a computed outcome's denominator sums to 0 (shown as "—", never divided).
/// </summary>
public sealed record OutcomeResult(
    int Id,
    string Name,
    string? NameEn,
    OutcomeKind Kind,
    OutcomeBound Bound,
    decimal? Value,
    decimal? TargetPercent,
    decimal? Numerator,
    decimal? Denominator,
    int? SampleSize,
    string? Method,
    string? MethodEn,
    DateOnly? MeasuredOn,
    MetricName? NumeratorMetric,
    MetricName? DenominatorMetric,
    string? Note);

/// <summary>A step of the screening funnel: its total and, after the first step, its share of the step before in percent.</summary>
public sealed record FunnelStepResult(MetricName Metric, decimal Total, decimal? RateOfPrevious);

/// <summary>The outcome and funnel definitions a campaign's results are evaluated from.</summary>
public sealed record ResultDefinitions(IReadOnlyList<CampaignOutcome> Outcomes, IReadOnlyDictionary<int, MetricName> Metrics, IReadOnlyList<MetricName> Funnel)
{
    /// <summary>The campaign's outcomes (in the order they were added) and the catalogue's funnel, in two queries.</summary>
    public static async Task<ResultDefinitions> LoadAsync(CampaignHubDbContext db, int campaignId, CancellationToken cancellationToken)
    {
        var outcomes = await db.Set<CampaignOutcome>().AsNoTracking().Where(o => o.CampaignId == campaignId).OrderBy(o => o.Id).ToListAsync(cancellationToken);
        var named = outcomes.SelectMany(o => new[] { o.NumeratorMetricId, o.DenominatorMetricId }).OfType<int>().Distinct().ToList();
        var metrics = await db.MetricDefinitions.AsNoTracking()
            .Where(m => m.FunnelStep != null || named.Contains(m.Id))
            .OrderBy(m => m.FunnelStep).ThenBy(m => m.SortOrder).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.FunnelStep, Name = new MetricName(m.Code, m.Name, m.NameEn, m.Unit, m.UnitEn) })
            .ToListAsync(cancellationToken);
        return new ResultDefinitions(outcomes, metrics.ToDictionary(m => m.Id, m => m.Name),
            metrics.Where(m => m.FunnelStep != null).Select(m => m.Name).ToList());
    }

    /// <summary>
    /// The values over the period of <paramref name="totals"/>: computed outcomes divide their metrics' totals, the
    /// funnel takes the steps that have a total, each against the step before it.
    /// </summary>
    public CampaignResults Evaluate(CampaignTotals totals)
    {
        var outcomes = Outcomes.Select(o =>
        {
            var numeratorMetric = o.NumeratorMetricId is { } n ? Metrics.GetValueOrDefault(n) : null;
            var denominatorMetric = o.DenominatorMetricId is { } d ? Metrics.GetValueOrDefault(d) : null;
            decimal? value, numerator = o.Numerator, denominator = o.Denominator;
            int? sample = o.SampleSize;
            if (o.Kind == OutcomeKind.Computed)
            {
                numerator = numeratorMetric is null ? 0 : totals.Metrics.GetValueOrDefault(numeratorMetric.Code);
                denominator = denominatorMetric is null ? 0 : totals.Metrics.GetValueOrDefault(denominatorMetric.Code);
                value = Rate(numerator.Value, denominator.Value);
            }
            else
            {
                value = o.RatePercent ?? (o.Numerator is { } top && o.Denominator is { } bottom ? Rate(top, bottom) : null);
                sample ??= o.Denominator is { } people && people == Math.Floor(people) && people <= int.MaxValue ? (int)people : null;
            }

            return new OutcomeResult(o.Id, o.Name, o.NameEn, o.Kind, o.Bound, value is { } v ? Plain(v) : null, o.TargetPercent is { } t ? Plain(t) : null,
                numerator is { } x ? Plain(x) : null, denominator is { } y ? Plain(y) : null, sample,
                o.Method, o.MethodEn, o.MeasuredOn, numeratorMetric, denominatorMetric, o.Note);
        }).ToList();

        var funnel = new List<FunnelStepResult>();
        foreach (var metric in Funnel)
        {
            var total = totals.Metrics.GetValueOrDefault(metric.Code);
            if (total <= 0)
            {
                continue;
            }

            funnel.Add(new FunnelStepResult(metric, Plain(total), funnel.Count == 0 ? null : Rate(total, funnel[^1].Total)));
        }

        return new CampaignResults(outcomes, funnel);
    }

    /// <summary>A share in percent to one decimal (47.8); none when there is nothing to divide by.</summary>
    public static decimal? Rate(decimal numerator, decimal denominator) =>
        denominator == 0 ? null : Math.Round(numerator * 100 / denominator, 1, MidpointRounding.AwayFromZero);

    /// <summary>47.80 → 47.8: SQLite hands decimals back with the scale they were stored with.</summary>
    private static decimal Plain(decimal value) => value / 1.000000000000000000000000000000000m;
}
