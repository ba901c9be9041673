using CampaignHub.Web.Domain;

namespace CampaignHub.Web.Features.Metrics;

public sealed record MetricDefinitionDetails(
    int Id,
    string Code,
    string Name,
    string NameEn,
    string Unit,
    string UnitEn,
    string Group,
    int SortOrder,
    bool IsActive,
    bool IsCount,
    IReadOnlyList<EventKind> AppliesTo,
    long Version)
{
    /// <summary>The metric's step in the screening funnel, ascending; null outside it.</summary>
    public int? FunnelStep { get; init; }

    /// <summary>The smallest figure accepted; null: any from 0.</summary>
    public decimal? MinValue { get; init; }

    /// <summary>The largest figure accepted; null: up to the figures' cap.</summary>
    public decimal? MaxValue { get; init; }

    /// <summary>The code of the metric this one may not exceed in the same event; null: none.</summary>
    public string? AtMost { get; init; }

    public string LocalName(bool english) => english ? NameEn : Name;

    public string LocalUnit(bool english) => english ? UnitEn : Unit;
}
