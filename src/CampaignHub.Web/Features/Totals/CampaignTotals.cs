namespace CampaignHub.Web.Features.Totals;

/// <summary>
/// A campaign's totals over a period: events counted by kind and channel, and the sum of every metric. The shape
/// of <c>GET /api/campaigns/{id}/totals</c>; the summary report and dashboard read the same.
/// </summary>
public sealed record CampaignTotals(
    int EventCount,
    IReadOnlyDictionary<string, ChannelCounts> Events,
    IReadOnlyDictionary<string, decimal> Metrics)
{
    /// <summary>
    /// Metric code → the part of its total in <see cref="Metrics"/> that is estimated, not counted; a metric counted
    /// throughout is not listed. The counted part is the total minus this.
    /// </summary>
    public IReadOnlyDictionary<string, decimal> Estimated { get; init; } = new Dictionary<string, decimal>();
}

public sealed record ChannelCounts(int Online, int Offline);
