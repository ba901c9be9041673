using System.Security.Claims;
using CampaignHub.Web.Components.Account;
using CampaignHub.Web.Data;
using CampaignHub.Web.Data.Seeding;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace CampaignHub.Web.Hosting;

public static class IdentityConfiguration
{
    public const int MaxFailedSignIns = 5;

    /// <summary>
    /// How stale a session may get: sign-in cookies and live circuits compare their security stamp with the database
    /// this often (Identity's default is 30 minutes), so a demoted or locked user keeps nothing for longer; in this
    /// instance an admin's change ends the sessions at once (<see cref="SessionRevocations"/>).
    /// </summary>
    public static readonly TimeSpan SessionCheckInterval = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddCampaignHubIdentity(this IServiceCollection services)
    {
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddSingleton<SessionRevocations>();
        services.AddSingleton(sp => PublicAddress.FromConfiguration(sp.GetRequiredService<IConfiguration>()));
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = SessionCheckInterval);

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Account/Login";
            options.LogoutPath = "/Account/Logout";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.Cookie.Name = "CampaignHub.Auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromDays(7);

            var checkStamp = options.Events.OnValidatePrincipal;
            options.Events.OnValidatePrincipal = async context =>
            {
                if (!await StillValidAfterRevocationAsync(context))
                {
                    return;
                }

                await checkStamp(context);
            };

            // The sign-in page on the configured public address, not on whatever Host the request named.
            var toLogin = options.Events.OnRedirectToLogin;
            options.Events.OnRedirectToLogin = context => toLogin(Rebased(context));
            var toAccessDenied = options.Events.OnRedirectToAccessDenied;
            options.Events.OnRedirectToAccessDenied = context => toAccessDenied(Rebased(context));
        });

        // Everything needs a signed-in user unless an endpoint says otherwise (login, health, static assets). Under /api
        // a request that no endpoint took (an unknown path, a method or a content type no endpoint accepts) is the
        // API's to answer (404, 405, 415 as problem details, ApiErrorMiddleware), never a redirect to the login page;
        // each API endpoint has the API's own policy.
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder()
                .RequireAssertion(context => context.User.Identity?.IsAuthenticated == true || IsUnmatchedApiRequest(context.Resource))
                .Build());

        services.AddIdentityCore<ApplicationUser>(options =>
            {
                // Accounts are created by admins, not by self-registration, so there is no e-mail to confirm.
                options.SignIn.RequireConfirmedAccount = false;
                options.User.RequireUniqueEmail = true;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = MaxFailedSignIns;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Password.RequiredLength = 8;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<CampaignHubDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        // Keys in the database: restarts and several instances keep users signed in.
        services.AddDataProtection()
            .SetApplicationName("CampaignHub")
            .PersistKeysToDbContext<CampaignHubDbContext>();

        services.AddScoped<UserAccountService>();
        services.AddScoped<AdminAccountSeeder>();
        services.AddScoped<DemoAccountSeeder>();
        return services;
    }

    /// <summary>
    /// A cookie issued before an admin revoked the user's sessions is checked against the database now, not when its
    /// minute is up; false when it was refused (and the cookie removed).
    /// </summary>
    private static async Task<bool> StillValidAfterRevocationAsync(CookieValidatePrincipalContext context)
    {
        var userId = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var services = context.HttpContext.RequestServices;
        if (userId is null || !services.GetRequiredService<SessionRevocations>().RevokedSince(userId, context.Properties.IssuedUtc))
        {
            return true;
        }

        if (await services.GetRequiredService<SignInManager<ApplicationUser>>().ValidateSecurityStampAsync(context.Principal) is not null)
        {
            return true;
        }

        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        return false;
    }

    /// <summary>An /api request routing found no endpoint for: none at all, or its 405/415 refusal (not a route).</summary>
    private static bool IsUnmatchedApiRequest(object? resource) =>
        resource is HttpContext http && http.Request.Path.StartsWithSegments("/api") && http.GetEndpoint() is not RouteEndpoint;

    private static RedirectContext<CookieAuthenticationOptions> Rebased(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.RedirectUri = context.HttpContext.RequestServices.GetRequiredService<PublicAddress>().Rebase(context.RedirectUri, context.Request);
        return context;
    }
}
