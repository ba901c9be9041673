using CampaignHub.Web.Domain;

namespace CampaignHub.Web.Features.Units;

/// <summary>Which word a page or report uses for a set of units: their shared kind's, or the general one when they differ.</summary>
public static class UnitWords
{
    /// <summary>The kind all of <paramref name="kinds"/> share; <see cref="UnitKind.Other"/> (参与单位, "units") when they differ or there are none.</summary>
    public static UnitKind Common(IEnumerable<UnitKind> kinds)
    {
        var distinct = kinds.Distinct().Take(2).ToList();
        return distinct.Count == 1 ? distinct[0] : UnitKind.Other;
    }
}
