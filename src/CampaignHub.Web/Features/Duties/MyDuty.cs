namespace CampaignHub.Web.Features.Duties;

/// <summary>One of the signed-in user's assignments, with what they need to turn up: event, place, campaign, role, shift.</summary>
public sealed record MyDuty(
    int Id,
    int EventId,
    string EventTitle,
    string EventStatus,
    string? Place,
    int CampaignId,
    string CampaignName,
    string Role,
    string RoleName,
    DateTime Start,
    DateTime End,
    string? Note);
