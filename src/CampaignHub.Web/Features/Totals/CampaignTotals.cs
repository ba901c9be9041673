using System.Text.Json.Serialization;

namespace CampaignHub.Web.Features.Totals;

/// <summary>
/// A campaign's totals over a period: events counted by kind and channel, and the sum of every metric, by the held
/// rule (<see cref="HeldRule"/>: events that have started and are not cancelled, and their figures). The shape of
/// <c>GET /api/campaigns/{id}/totals</c>; the summary report and dashboard read the same.
/// </summary>
public sealed record CampaignTotals(
    int EventCount,
    IReadOnlyDictionary<string, ChannelCounts> Events,
    IReadOnlyDictionary<string, decimal> Metrics)
{
    /// <summary>The period counted, both days included.</summary>
    public DateOnly From { get; init; }

    public DateOnly To { get; init; }

    /// <summary>Events of the period that have not started yet (not cancelled): not counted above.</summary>
    public int Upcoming { get; init; }

    /// <summary>Events counted above that have started but are still planned or confirmed: an admin should confirm them.</summary>
    public int Unconfirmed { get; init; }

    /// <summary>With <c>compare=true</c>: the period of the same length just before.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CampaignTotals? Previous { get; init; }

    /// <summary>With <c>compare=true</c>: the same period a year earlier.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CampaignTotals? YearEarlier { get; init; }

    /// <summary>Whether anything was logged: an event counted, upcoming, or a figure.</summary>
    [JsonIgnore]
    public bool HasData => EventCount > 0 || Upcoming > 0 || Metrics.Values.Any(v => v != 0);

    /// <summary>The comparisons that have data, for tables that show them only then.</summary>
    [JsonIgnore]
    public IReadOnlyList<CampaignTotals> Comparisons =>
        new[] { Previous, YearEarlier }.OfType<CampaignTotals>().Where(c => c.HasData).ToList();

    /// <summary>
    /// Metric code → the part of its total in <see cref="Metrics"/> that is estimated, not counted; a metric counted
    /// throughout is not listed. The counted part is the total minus this.
    /// </summary>
    public IReadOnlyDictionary<string, decimal> Estimated { get; init; } = new Dictionary<string, decimal>();
}

public sealed record ChannelCounts(int Online, int Offline);
