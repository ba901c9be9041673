using CampaignHub.Web.Domain;

namespace CampaignHub.Web.Features.Figures;

/// <summary>An active metric of the catalogue as the figures forms show it.</summary>
public sealed record MetricOption(int Id, string Code, string Name, string NameEn, string Unit, string UnitEn, MetricGroup Group, int SortOrder)
{
    public string LocalName(bool english) => english ? NameEn : Name;

    public string LocalUnit(bool english) => english ? UnitEn : Unit;
}
