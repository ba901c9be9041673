using CampaignHub.Web.Domain;

namespace CampaignHub.Web.Features.Events;

/// <summary>One row of the event list (the page and <c>GET /api/events</c>, which writes the enums as their codes).</summary>
public sealed record EventListItem(
    int Id,
    int CampaignId,
    string CampaignName,
    string Title,
    EventKind Kind,
    EventChannel Channel,
    DateTime Start,
    DateTime End,
    EventStatus Status,
    bool Highlight,
    string? Place,
    IReadOnlyList<string> UnitNames);
