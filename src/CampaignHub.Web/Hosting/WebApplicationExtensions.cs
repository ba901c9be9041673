using CampaignHub.Web.Components;
using CampaignHub.Web.Components.Account;
using CampaignHub.Web.Features.Api;
using CampaignHub.Web.Features.CalendarFeeds;
using CampaignHub.Web.Features.Reports;
using CampaignHub.Web.Features.Schedule;
using Microsoft.AspNetCore.Diagnostics;
using MudBlazor.Services;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace CampaignHub.Web.Hosting;

/// <summary>Program.cs stays a few lines: services and the request pipeline are assembled here.</summary>
public static class WebApplicationExtensions
{
    /// <summary>
    /// The test suites' environment: like Production, except that cookies may travel over the plain-HTTP test server
    /// (a Production-environment test checks the Secure flag and HSTS).
    /// </summary>
    public const string TestingEnvironment = "Testing";

    public static WebApplicationBuilder AddCampaignHub(this WebApplicationBuilder builder)
    {
        // Serves library and framework assets from the build output in every environment (not only Development),
        // so tests and benchmarks can run the built app; a published app has no manifest and this does nothing.
        builder.WebHost.UseStaticWebAssets();
        builder.AddCampaignHubLogging();
        // Production serves only over HTTPS (at the app or at its proxy): browsers are told to stay on it.
        builder.Services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        // Chinese text goes out as text, not as &#x...; entities (three times smaller, and readable).
        builder.Services.AddWebEncoders(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services
            .AddCampaignHubDatabase()
            .AddCampaignHubIdentity()
            .AddCampaignHubLocalization()
            .AddCampaignHubHealthChecks()
            .AddCampaignHubReports()
            .AddCampaignHubFeatures()
            .AddCampaignHubRateLimiting()
            .AddCampaignHubApi();
        // Bad API input (a malformed body, a wrong query value) is thrown so the API's error middleware can name the field.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return builder;
    }

    /// <summary>The request pipeline; a wrong hosting setting throws <see cref="StartupConfigurationException"/> here, before listening.</summary>
    public static WebApplication UseCampaignHub(this WebApplication app)
    {
        app.Services.GetRequiredService<PublicAddress>();

        // The client's address and scheme as the trusted proxy saw them, before anything reads them (rate limits,
        // HSTS, secure cookies, the request log).
        app.UseForwardedHeaders(ForwardedHeadersSettings.FromConfiguration(app.Configuration));
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
        }

        app.UseCampaignHubSecurityHeaders();
        if (!app.Environment.IsDevelopment() && !app.Environment.IsEnvironment(TestingEnvironment))
        {
            // Every cookie (sign-in, antiforgery, language, status message) only over HTTPS.
            app.UseCookiePolicy(new CookiePolicyOptions { Secure = CookieSecurePolicy.Always });
        }

        app.UseCampaignHubRequestLogging();
        app.UseLegacyCommitteeNames();
        // Friendly pages for browsers' GETs only: a failed POST (say, a missing antiforgery token) keeps its status,
        // and the API keeps its problem details.
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.Use((context, next) =>
        {
            if ((!HttpMethods.IsGet(context.Request.Method) || context.Request.Path.StartsWithSegments("/api"))
                && context.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
            {
                statusCodePages.Enabled = false;
            }

            return next(context);
        });
        app.UseRequestLocalization();
        app.UseCampaignHubApiErrors();
        // Before authentication: a refused request costs no token lookup.
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapCampaignHubHealthChecks();
        app.MapCultureSwitch();
        app.MapScheduleEndpoints();
        app.MapReportFonts();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAdditionalIdentityEndpoints();
        app.MapCampaignHubApi();
        app.MapCalendarFeeds();
        return app;
    }
}
