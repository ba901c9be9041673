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
using Serilog;

namespace CampaignHub.Web.Hosting;

/// <summary>Program.cs stays a few lines: services and the request pipeline are assembled here.</summary>
public static class WebApplicationExtensions
{
    public static WebApplicationBuilder AddCampaignHub(this WebApplicationBuilder builder)
    {
        // Serves library and framework assets from the build output in every environment (not only Development),
        // so tests and benchmarks can run the built app; a published app has no manifest and this does nothing.
        builder.WebHost.UseStaticWebAssets();
        builder.AddCampaignHubLogging();
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
            .AddCampaignHubApi();
        // Bad API input (a malformed body, a wrong query value) is thrown so the API's error middleware can name the field.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return builder;
    }

    public static WebApplication UseCampaignHub(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
        }

        app.UseSerilogRequestLogging();
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
