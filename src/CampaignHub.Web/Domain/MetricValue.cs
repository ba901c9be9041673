namespace CampaignHub.Web.Domain;

/// <summary>
/// One logged figure. Either an event's (<see cref="EventId"/> set) or, for figures that belong to no single event
/// such as a week's WeChat reach, a campaign's per unit and day (<see cref="EventId"/> null).
/// <see cref="CampaignId"/> and <see cref="Date"/> are kept on every value so totals are one indexed aggregate.
/// </summary>
public sealed class MetricValue : IVersioned, IAudited, IUpdatedBy
{
    public long Id { get; set; }

    public int CampaignId { get; set; }

    public int MetricDefinitionId { get; set; }

    public MetricDefinition? Metric { get; set; }

    public int? EventId { get; set; }

    public CampaignEvent? Event { get; set; }

    /// <summary>Set for campaign-level entries; event figures are credited through the event's units.</summary>
    public int? UnitId { get; set; }

    public Unit? Unit { get; set; }

    /// <summary>The event's start date, or the day of a campaign-level entry.</summary>
    public DateOnly Date { get; set; }

    public decimal Value { get; set; }

    /// <summary>
    /// An estimate rather than a count (the sources' "500余人", CACA's 预计受益): totals keep the estimated part
    /// apart, and the report says "约"/"余" ("about", "more than") for a total that includes it.
    /// </summary>
    public bool IsEstimate { get; set; }

    public DateTime UpdatedAt { get; set; }

    public string? UpdatedById { get; set; }

    public long Version { get; set; }
}
