using System.Net.Http.Headers;
using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Api;
using CampaignHub.Web.Features.Common;
using CampaignHub.Web.Features.Users;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignHub.Testing;

/// <summary>
/// Builds what a test needs through the app's own services: users in a role (coordinators of given units),
/// their <see cref="Actor"/>, API clients with a real bearer token, units and campaigns.
/// </summary>
public static class TestData
{
    public const string Password = "Test-User-2026!";

    public static async Task<string> CreateUserAsync(this CampaignHubAppFactory factory, string email, string role, params int[] unitIds)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<UserAccountService>().CreateAsync(email, role, Password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors));
        }

        if (unitIds.Length > 0)
        {
            await using var db = await factory.DbAsync();
            db.UnitCoordinators.AddRange(unitIds.Select(id => new UnitCoordinator { UnitId = id, UserId = result.UserId! }));
            await db.SaveChangesAsync();
        }

        return result.UserId!;
    }

    /// <summary>The actor the services see for a user, as the UI and API would build it.</summary>
    public static async Task<Actor> ActorAsync(this CampaignHubAppFactory factory, string userId)
    {
        await using var db = await factory.DbAsync();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId);
        var roles = await db.UserRoles.Where(r => r.UserId == userId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync();
        var units = await db.UnitCoordinators.Where(c => c.UserId == userId).Select(c => c.UnitId).ToListAsync();
        return new Actor(userId, user.Email, roles.Contains(Roles.Admin), roles.Contains(Roles.Coordinator), units.ToHashSet());
    }

    /// <summary>An HTTP client that calls the API with a fresh personal access token of the user.</summary>
    public static async Task<HttpClient> ApiClientAsync(this CampaignHubAppFactory factory, string userId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var token = await scope.ServiceProvider.GetRequiredService<ApiTokenService>().CreateAsync(userId, "test");
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        return client;
    }

    /// <summary>A user in a role with an API client, in one call.</summary>
    public static async Task<(string UserId, HttpClient Client)> ApiUserAsync(this CampaignHubAppFactory factory, string role, params int[] unitIds)
    {
        var userId = await factory.CreateUserAsync(NewEmail(role), role, unitIds);
        return (userId, await factory.ApiClientAsync(userId));
    }

    /// <summary>A new user in a role and the actor the services see for them, in one call.</summary>
    public static async Task<Actor> NewActorAsync(this CampaignHubAppFactory factory, string role, params int[] unitIds) =>
        await factory.ActorAsync(await factory.CreateUserAsync(NewEmail(role), role, unitIds));

    /// <summary>An address no other test uses, named after the role for readable failures.</summary>
    public static string NewEmail(string role) => $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.campaignhub.local";

    /// <summary>A name no other test uses: the given one with 8 random characters, short enough for name fields.</summary>
    public static string UniqueName(string name) => $"{name}-{Guid.NewGuid():N}"[..(name.Length + 9)];

    /// <summary>
    /// A context for setting up and checking data, outside any user's scope: what it writes is system work. It may
    /// outlive the scope it comes from: its options are the app's and its save rules hold nothing to dispose.
    /// </summary>
    public static async Task<CampaignHubDbContext> DbAsync(this CampaignHubAppFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CampaignHubDbContext>>().CreateDbContextAsync();
    }

    public static async Task<int> AddUnitAsync(this CampaignHubAppFactory factory, string name, UnitKind kind = UnitKind.Committee)
    {
        await using var db = await factory.DbAsync();
        var unit = new Unit { Name = name, Kind = kind };
        db.Units.Add(unit);
        await db.SaveChangesAsync();
        return unit.Id;
    }

    public static async Task<int> AddCampaignAsync(this CampaignHubAppFactory factory, string name, DateOnly start, DateOnly end, params int[] unitIds)
    {
        await using var db = await factory.DbAsync();
        var campaign = new Campaign { Name = name, StartDate = start, EndDate = end };
        campaign.Units.AddRange(unitIds.Select(id => new CampaignUnit { UnitId = id }));
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync();
        return campaign.Id;
    }
}
