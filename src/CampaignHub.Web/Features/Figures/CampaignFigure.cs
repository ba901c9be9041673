namespace CampaignHub.Web.Features.Figures;

/// <summary>
/// A campaign-level figure: one metric's value for a campaign, a committee and a day, belonging to no event. The
/// committee is missing only for figures of the whole association (admins only).
/// </summary>
public sealed record CampaignFigure(
    long Id,
    int CampaignId,
    int? CommitteeId,
    string? CommitteeName,
    DateOnly Date,
    string Code,
    decimal Value,
    DateTime UpdatedAt,
    long Version);
