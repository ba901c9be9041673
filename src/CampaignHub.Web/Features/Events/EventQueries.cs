using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace CampaignHub.Web.Features.Events;

/// <summary>Query parts the event list, the schedule and the calendar feeds share.</summary>
public static class EventQueries
{
    /// <summary>Campaign, unit, kind and channel filters. An unknown kind or channel code filters nothing.</summary>
    public static IQueryable<CampaignEvent> WhereMatches(
        this IQueryable<CampaignEvent> events, int? campaignId, int? unitId, string? kind, string? channel)
    {
        if (campaignId is { } campaign)
        {
            events = events.Where(e => e.CampaignId == campaign);
        }

        if (unitId is { } unit)
        {
            events = events.Where(e => e.Units.Any(c => c.UnitId == unit));
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

    /// <summary>
    /// The unit names of some events, by event, in the user's language. Read in a query of their own: as a correlated collection of the
    /// events' query SQLite would join every event to its units before paging (60-80 ms at 100,000 events
    /// instead of a few).
    /// </summary>
    public static async Task<ILookup<int, string>> UnitNamesByEventAsync(
        this IQueryable<EventUnit> links, CancellationToken cancellationToken) =>
        (await links
            .OrderBy(c => c.UnitId)
            .Select(c => new { c.EventId, c.Unit!.Name, c.Unit.NameEn })
            .ToListAsync(cancellationToken))
        .ToLookup(c => c.EventId, c => UiLanguage.Pick(c.Name, c.NameEn));
}
