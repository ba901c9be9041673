using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Common;
using CampaignHub.Web.Features.Events;

namespace CampaignHub.Testing;

/// <summary>Builders for events in tests: an event's input from what the service returned, and a figures-only edit.</summary>
public static class EventTestData
{
    /// <summary>The input that would save <paramref name="details"/> unchanged (figures included), as a client sends it back.</summary>
    public static EventInput ToInput(this EventDetails details) => new()
    {
        CampaignId = details.CampaignId,
        UnitIds = details.UnitIds.ToList(),
        Title = details.Title,
        Kind = Codes<EventKind>.Of(details.Kind),
        Channel = Codes<EventChannel>.Of(details.Channel),
        Platform = details.Platform is { } platform ? Codes<OnlinePlatform>.Of(platform) : null,
        PlatformDetail = details.PlatformDetail,
        Start = details.Start,
        End = details.End,
        VenueId = details.VenueId,
        HostOrganisationId = details.HostOrganisationId,
        Location = details.Location,
        SeriesName = details.SeriesName,
        StopNumber = details.StopNumber,
        NextHostOrganisationId = details.NextHostOrganisationId,
        HandoverFrom = details.HandoverFrom,
        HandoverTo = details.HandoverTo,
        ExpertTeamSize = details.ExpertTeamSize,
        Narrative = details.Narrative,
        Link = details.Link,
        Status = Codes<EventStatus>.Of(details.Status),
        Highlight = details.Highlight,
        People = details.People.Select(p => p.ToInput()).ToList(),
        Figures = details.Figures.ToDictionary(f => f.Key, f => f.Value),
        Version = details.Version,
    };

    /// <summary>
    /// What a user does who changes only an event's figures: the event's one save with everything else as it is
    /// stored and the figures replaced, based on <paramref name="version"/>.
    /// </summary>
    public static async Task<EventDetails> SaveFiguresAsync(
        this EventService events, Actor actor, int id, IReadOnlyDictionary<string, decimal> figures, long version)
    {
        var stored = await events.GetAsync(id) ?? throw new InvalidOperationException($"No event {id}.");
        var input = stored.ToInput();
        input.Figures = figures.ToDictionary(f => f.Key, f => f.Value);
        return await events.UpdateAsync(actor, id, input, version);
    }
}
