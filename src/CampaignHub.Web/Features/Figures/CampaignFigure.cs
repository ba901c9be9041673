namespace CampaignHub.Web.Features.Figures;

/// <summary>
/// A campaign-level figure: one metric's value for a campaign, a unit and a day, belonging to no event. The
/// unit is missing only for figures of the whole association (admins only).
/// </summary>
public sealed record CampaignFigure(
    long Id,
    int CampaignId,
    int? UnitId,
    string? UnitName,
    DateOnly Date,
    string Code,
    decimal Value,
    DateTime UpdatedAt,
    long Version);
