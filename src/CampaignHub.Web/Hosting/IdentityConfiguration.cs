using CampaignHub.Web.Components.Account;
using CampaignHub.Web.Data;
using CampaignHub.Web.Data.Seeding;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace CampaignHub.Web.Hosting;

public static class IdentityConfiguration
{
    public const int MaxFailedSignIns = 5;

    public static IServiceCollection AddCampaignHubIdentity(this IServiceCollection services)
    {
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();

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
        });

        // Everything needs a signed-in user unless an endpoint says otherwise (login, health, static assets).
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

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
}
