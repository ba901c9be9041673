namespace CampaignHub.Web.Features.Totals;

/// <summary>
/// A campaign, an inclusive period (default: the campaign's own) and, optionally, one unit; with
/// <see cref="Compare"/>, the previous period of the same length and the same period a year earlier as well.
/// </summary>
public sealed record TotalsQuery(int CampaignId, DateOnly? From = null, DateOnly? To = null, int? UnitId = null, bool Compare = false);
