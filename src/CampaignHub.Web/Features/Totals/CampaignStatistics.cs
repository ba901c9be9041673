namespace CampaignHub.Web.Features.Totals;

/// <summary>
/// Everything the dashboard and the summary report show of a campaign's period (or a programme's, rolled up), from
/// one aggregation: the totals (with the previous period and a year earlier when asked), events over time, each
/// unit's share, and progress against the campaign's targets.
/// </summary>
public sealed record CampaignStatistics(
    int CampaignId,
    DateOnly From,
    DateOnly To,
    int? UnitId,
    CampaignTotals Totals,
    IReadOnlyList<DailyEventCount> EventsPerDay,
    IReadOnlyList<UnitActivity> Units,
    IReadOnlyList<MetricTotal> Metrics,
    IReadOnlyList<TargetProgress> Targets)
{
    /// <summary>Counted events in bars of a day, a week or a month, by the period's length: what every chart draws.</summary>
    public EventTimeline Timeline { get; init; } = EventTimeline.Of(From, To, EventsPerDay.ToDictionary(d => d.Date, d => (d.Online, d.Offline)));

    /// <summary>For a programme's roll-up: the programme; the campaigns are all of it and of its sub-programmes.</summary>
    public int? ProgrammeId { get; init; }
}

/// <summary>
/// Counted events that started on a day (see <see cref="HeldRule"/>): every day of a period drawn in days or weeks
/// (up to half a year); a longer period has its months in <see cref="CampaignStatistics.Timeline"/> instead.
/// </summary>
public sealed record DailyEventCount(DateOnly Date, int Online, int Offline);

/// <summary>
/// What one unit ran: its events (a joint event counts for each of its units) by kind, and the people its
/// events and entries served (patients and public who benefited).
/// </summary>
public sealed record UnitActivity(
    int UnitId, string Name, string? NameEn, int Events, IReadOnlyDictionary<string, int> EventsByKind, decimal PeopleServed);

/// <summary>A metric's total with its catalogue entry, in catalogue order; <see cref="Estimated"/> is the part of it that is estimated.</summary>
public sealed record MetricTotal(string Code, string Name, string NameEn, string Unit, string UnitEn, string Group, decimal Value, decimal Estimated = 0)
{
    /// <summary>The counted part of the total.</summary>
    public decimal Counted => Value - Estimated;
}

/// <summary>A campaign target and how far the period's total has come; <see cref="Percent"/> is 0 for a zero target.</summary>
public sealed record TargetProgress(string Code, string Name, string NameEn, decimal Target, decimal Actual)
{
    public decimal Percent => Target <= 0 ? 0 : Math.Round(Actual * 100 / Target, 1);
}
