namespace CampaignHub.Web.Domain;

/// <summary>
/// The sum of a metric's figures of a campaign on a day: the figures of its events that are not cancelled (dated by
/// the event's start) and its campaign-level entries; for the campaign as a whole (<see cref="UnitId"/> null) and
/// for each unit (an event's figures credited to each of its units, an entry to its own). Derived data, kept exact
/// by the save path like <see cref="EventTally"/>.
/// </summary>
public sealed class FigureTally
{
    public long Id { get; set; }

    public int CampaignId { get; set; }

    public int? UnitId { get; set; }

    public DateOnly Date { get; set; }

    public int MetricDefinitionId { get; set; }

    public decimal Value { get; set; }
}
