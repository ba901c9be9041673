using CampaignHub.Web.Domain;

namespace CampaignHub.Web.Features.Events;

/// <summary>The filters the event list and the schedule share. An unknown kind or channel code filters nothing.</summary>
public static class EventFilters
{
    public static IQueryable<CampaignEvent> WhereMatches(
        this IQueryable<CampaignEvent> events, int? campaignId, int? committeeId, string? kind, string? channel)
    {
        if (campaignId is { } campaign)
        {
            events = events.Where(e => e.CampaignId == campaign);
        }

        if (committeeId is { } committee)
        {
            events = events.Where(e => e.Committees.Any(c => c.CommitteeId == committee));
        }

        if (Codes<EventKind>.TryParse(kind, out var parsedKind))
        {
            events = events.Where(e => e.Kind == parsedKind);
        }

        if (Codes<EventChannel>.TryParse(channel, out var parsedChannel))
        {
            events = events.Where(e => e.Channel == parsedChannel);
        }

        return events;
    }
}
