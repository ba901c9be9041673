using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Common;
using CampaignHub.Web.Features.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignHub.Testing;

/// <summary>Events logged through the app's own EventService (as the seeded admin) and people put on duty at them.</summary>
public static class ScheduleTestData
{
    public static async Task<Actor> AdminActorAsync(this CampaignHubAppFactory factory)
    {
        await using var db = await factory.DbAsync();
        var id = await db.Users.Where(u => u.Email == CampaignHubAppFactory.AdminEmail).Select(u => u.Id).SingleAsync();
        return await factory.ActorAsync(id);
    }

    /// <summary>Logs an event; times are the association's wall-clock time.</summary>
    public static async Task<int> AddEventAsync(
        this CampaignHubAppFactory factory, int campaignId, int[] unitIds, string title, DateTime start, DateTime end,
        string kind = "free_clinic", string channel = "offline", string status = "planned",
        int? venueId = null, int? hostOrganisationId = null, string? location = null, string? platform = null)
    {
        var actor = await factory.AdminActorAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<EventService>().CreateAsync(actor, new EventInput
        {
            CampaignId = campaignId,
            UnitIds = [.. unitIds],
            Title = title,
            Kind = kind,
            Channel = channel,
            Platform = platform,
            Status = status,
            Start = start,
            End = end,
            VenueId = venueId,
            HostOrganisationId = hostOrganisationId,
            Location = location,
        });
        return created.Id;
    }

    /// <summary>Puts a person on duty at an event, for the event's whole time unless a shift is given.</summary>
    public static async Task AddDutyAsync(
        this CampaignHubAppFactory factory, int eventId, string userId, DutyRole role, DateTime? start = null, DateTime? end = null)
    {
        await using var db = await factory.DbAsync();
        var times = await db.Events.Where(e => e.Id == eventId).Select(e => new { e.StartsAt, e.EndsAt }).SingleAsync();
        db.DutyAssignments.Add(new DutyAssignment
        {
            EventId = eventId,
            UserId = userId,
            Role = role,
            StartsAt = start ?? times.StartsAt,
            EndsAt = end ?? times.EndsAt,
            CreatedAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
    }

    /// <summary>A staff member with a display name, for rosters.</summary>
    public static async Task<string> AddPersonAsync(this CampaignHubAppFactory factory, string displayName)
    {
        var id = await factory.CreateUserAsync($"person-{Guid.NewGuid():N}@test.campaignhub.local", Roles.Staff);
        await using var db = await factory.DbAsync();
        var user = await db.Users.SingleAsync(u => u.Id == id);
        user.DisplayName = displayName;
        await db.SaveChangesAsync();
        return id;
    }

    public static async Task<(int OrganisationId, int VenueId)> AddOrganisationWithVenueAsync(this CampaignHubAppFactory factory, string name, string venue)
    {
        await using var db = await factory.DbAsync();
        var organisation = new Organisation { Name = name, Venues = [new Venue { Name = venue }] };
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        return (organisation.Id, organisation.Venues[0].Id);
    }
}
