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

    public string LocalName(bool english) => english ? NameEn : Name;

    public string LocalUnit(bool english) => english ? UnitEn : Unit;
}
