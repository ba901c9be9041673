using CampaignHub.Web.Domain;

namespace CampaignHub.Web.Features.Figures;

/// <summary>An active metric of the catalogue as the figures forms show it.</summary>
/// <param name="IsCount">Whole numbers only (people, copies, views).</param>
/// <param name="Kinds">The event kinds it fits: the event form shows it first for those.</param>
public sealed record MetricOption(
    int Id, string Code, string Name, string NameEn, string Unit, string UnitEn, MetricGroup Group, int SortOrder,
    bool IsCount = true, IReadOnlyList<EventKind>? Kinds = null, decimal? MinValue = null, decimal? MaxValue = null, string? AtMostCode = null)
{
    /// <summary>Its rules, as the form checks them before sending (the service checks them again).</summary>
    public FigureRule Rule => new(Code, Name, NameEn, IsCount, MinValue, MaxValue, AtMostCode);

    public string LocalName(bool english) => english ? NameEn : Name;

    public string LocalUnit(bool english) => english ? UnitEn : Unit;

    /// <summary>True when the metric fits events of <paramref name="kind"/>.</summary>
    public bool Fits(EventKind kind) => Kinds?.Contains(kind) == true;
}
