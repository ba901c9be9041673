namespace CampaignHub.Web.Features.Events;

public sealed record EventListItem(
    int Id,
    int CampaignId,
    string CampaignName,
    string Title,
    string Kind,
    string Channel,
    DateTime Start,
    DateTime End,
    string Status,
    bool Highlight,
    string? Place,
    IReadOnlyList<string> CommitteeNames);
