namespace CampaignHub.Web.Features.Totals;

/// <summary>
/// Everything the dashboard and the summary report show of a campaign's period, from one aggregation: the totals,
/// events per day, each unit's share, and progress against the campaign's targets.
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
    IReadOnlyList<TargetProgress> Targets);

/// <summary>Events that started on a day (cancelled ones not counted).</summary>
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
