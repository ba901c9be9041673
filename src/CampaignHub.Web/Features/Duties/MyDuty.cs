using CampaignHub.Web.Domain;

namespace CampaignHub.Web.Features.Duties;

/// <summary>One of the signed-in user's assignments, with what they need to turn up: event, place, campaign, role, shift.</summary>
public sealed record MyDuty(
    int Id,
    int EventId,
    string EventTitle,
    EventStatus EventStatus,
    string? Place,
    int CampaignId,
    string CampaignName,
    string? CampaignNameEn,
    DutyRole Role,
    string RoleName,
    DateTime Start,
    DateTime End,
    string? Note);
