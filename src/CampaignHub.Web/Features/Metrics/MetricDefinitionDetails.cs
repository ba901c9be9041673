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
    public string LocalName(bool english) => english ? NameEn : Name;

    public string LocalUnit(bool english) => english ? UnitEn : Unit;
}
