using System.Security.Claims;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Users;
using CampaignHub.Web.Hosting;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CampaignHub.Web.Components.Account;

/// <summary>
/// The signed-in user of a live Blazor circuit, checked against the database's security stamp every minute and at
/// once when an admin changes the user's role or locks them (<see cref="SessionRevocations"/>). A stale stamp signs
/// the circuit out: its pages lose the user and send them to the sign-in page, whose cookie is refused too.
/// </summary>
internal sealed class IdentityRevalidatingAuthenticationStateProvider : RevalidatingServerAuthenticationStateProvider
{
    private readonly IServiceScopeFactory scopeFactory;
    private readonly IOptions<IdentityOptions> options;
    private readonly SessionRevocations revocations;
    private readonly ILogger logger;

    public IdentityRevalidatingAuthenticationStateProvider(
        ILoggerFactory loggerFactory, IServiceScopeFactory scopeFactory, IOptions<IdentityOptions> options, SessionRevocations revocations)
        : base(loggerFactory)
    {
        this.scopeFactory = scopeFactory;
        this.options = options;
        this.revocations = revocations;
        logger = loggerFactory.CreateLogger<IdentityRevalidatingAuthenticationStateProvider>();
        revocations.Revoked += OnRevoked;
    }

    /// <summary>The same minute as the sign-in cookie's check (IdentityConfiguration).</summary>
    protected override TimeSpan RevalidationInterval => IdentityConfiguration.SessionCheckInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(
        AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        // A new scope, so the user manager reads the database as it is now.
        await using var scope = scopeFactory.CreateAsyncScope();
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await ValidateSecurityStampAsync(userManager, authenticationState.User);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            revocations.Revoked -= OnRevoked;
        }

        base.Dispose(disposing);
    }

    /// <summary>Runs on the admin's request: only starts this circuit's own check and returns.</summary>
    private void OnRevoked(string userId) => _ = CheckNowAsync(userId);

    private async Task CheckNowAsync(string userId)
    {
        try
        {
            var state = await GetAuthenticationStateAsync();
            if (state.User.FindFirstValue(ClaimTypes.NameIdentifier) != userId || await ValidateAuthenticationStateAsync(state, CancellationToken.None))
            {
                return;
            }

            SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
        }
        catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException)
        {
            // The circuit is being torn down (no state set yet, or its services are gone): nothing left to sign out.
            logger.LogDebug(ex, "A revoked session's circuit was already gone");
        }
    }

    private async Task<bool> ValidateSecurityStampAsync(UserManager<ApplicationUser> userManager, ClaimsPrincipal principal)
    {
        var user = await userManager.GetUserAsync(principal);
        if (user is null)
        {
            return false;
        }

        if (!userManager.SupportsUserSecurityStamp)
        {
            return true;
        }

        var principalStamp = principal.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
        var userStamp = await userManager.GetSecurityStampAsync(user);
        return principalStamp == userStamp;
    }
}
