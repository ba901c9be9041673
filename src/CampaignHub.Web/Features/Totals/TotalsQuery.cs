namespace CampaignHub.Web.Features.Totals;

/// <summary>
/// A campaign, an inclusive period (default: the campaign's own) and, optionally, one unit. <see cref="Units"/>, when
/// set, keeps only the events run by at least one of those units (a joint event still counts once) and the
/// campaign-level figures of those units: the summary report's "approved units only". With <see cref="Compare"/>,
/// the previous period of the same length and the same period a year earlier as well.
/// </summary>
public sealed record TotalsQuery(
    int CampaignId, DateOnly? From = null, DateOnly? To = null, int? UnitId = null, IReadOnlyCollection<int>? Units = null, bool Compare = false);
