using CampaignHub.Web.Data;
using CampaignHub.Web.Features.Common;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignHub.Testing;

/// <summary>
/// A service scope of the app in which a user is signed in, as in their Blazor circuit or API request: the save path
/// stamps and audits everything the scope writes with that user. A plain scope (<c>Services.CreateAsyncScope()</c>)
/// is system work, recorded without a user.
/// </summary>
public static class SignedInScope
{
    public static AsyncServiceScope ScopeFor(this CampaignHubAppFactory factory, Actor actor)
    {
        var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(actor.AuditActor);
        return scope;
    }

    /// <summary>Runs <paramref name="use"/> with a service of a scope signed in as <paramref name="actor"/>.</summary>
    public static async Task<TResult> AsAsync<TService, TResult>(this CampaignHubAppFactory factory, Actor actor, Func<TService, Task<TResult>> use)
        where TService : notnull
    {
        await using var scope = factory.ScopeFor(actor);
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public static async Task AsAsync<TService>(this CampaignHubAppFactory factory, Actor actor, Func<TService, Task> use)
        where TService : notnull
    {
        await using var scope = factory.ScopeFor(actor);
        await use(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
