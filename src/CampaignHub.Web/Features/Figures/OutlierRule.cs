namespace CampaignHub.Web.Features.Figures;

/// <summary>
/// When a figure is unusual: more than <see cref="Factor"/> times the usual value of its metric, where the usual
/// value is the median of the last (up to <see cref="Window"/>) earlier figures of the same metric and event kind,
/// needing at least <see cref="MinimumEarlier"/> of them. Two baselines are asked: the unit's own (its events in any
/// campaign) and the campaign's (every unit's events in it). A figure is unusual when it is far above every baseline
/// that has enough earlier figures, and at least one has: a big hospital's usual 5,000 is not unusual for it
/// although the campaign's median is 300. A baseline whose median is 0 says nothing. Unusual figures are never
/// refused: the coordinator is warned at entry and the reviewer sees them flagged. One extra digit (381,710 typed for
/// 38,171) is exactly ten times the usual, well over the factor.
/// </summary>
public static class OutlierRule
{
    public const decimal Factor = 5m;

    public const int MinimumEarlier = 5;

    public const int Window = 50;

    /// <summary>The usual value <paramref name="value"/> is far above (the largest median of the baselines that count), or null when it is not unusual.</summary>
    public static decimal? UnusualAgainst(decimal value, IReadOnlyCollection<decimal> unitEarlier, IReadOnlyCollection<decimal> campaignEarlier)
    {
        var medians = new[] { unitEarlier, campaignEarlier }
            .Where(earlier => earlier.Count >= MinimumEarlier)
            .Select(Median)
            .Where(median => median > 0)
            .ToList();
        if (medians.Count == 0)
        {
            return null;
        }

        var usual = medians.Max();
        return value > Factor * usual ? usual : null;
    }

    public static decimal Median(IReadOnlyCollection<decimal> values)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
