namespace CampaignHub.Web.Features.Totals;

/// <summary>A campaign, an inclusive period (default: the campaign's own) and, optionally, one unit.</summary>
public sealed record TotalsQuery(int CampaignId, DateOnly? From = null, DateOnly? To = null, int? UnitId = null);
