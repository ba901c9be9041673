namespace CampaignHub.Web.Domain;

/// <summary>
/// The sum of a metric's figures of a campaign on a day (or in a month): the figures of its events that are not cancelled (dated by
/// the event's start) and its campaign-level entries; for the campaign as a whole (<see cref="UnitId"/> null) and
/// for each unit (an event's figures credited to each of its units, an entry to its own). Derived data, kept exact
/// by the save path like <see cref="EventTally"/>.
/// </summary>
public sealed class FigureTally
{
    public long Id { get; set; }

    public int CampaignId { get; set; }

    public int? UnitId { get; set; }

    /// <summary>A day's row, or a whole month's (dated its first day, the sum of the month's day rows).</summary>
    public TallySpan Span { get; set; }

    /// <summary>The day, or the first day of the month.</summary>
    public DateOnly Date { get; set; }

    public int MetricDefinitionId { get; set; }

    public decimal Value { get; set; }
}
