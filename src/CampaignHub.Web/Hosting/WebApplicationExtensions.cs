using CampaignHub.Web.Components;
using CampaignHub.Web.Components.Account;
using CampaignHub.Web.Features.Reports;
using MudBlazor.Services;
using Serilog;

namespace CampaignHub.Web.Hosting;

/// <summary>Program.cs stays a few lines: services and the request pipeline are assembled here.</summary>
public static class WebApplicationExtensions
{
    public static WebApplicationBuilder AddCampaignHub(this WebApplicationBuilder builder)
    {
        builder.AddCampaignHubLogging();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services
            .AddCampaignHubDatabase()
            .AddCampaignHubIdentity()
            .AddCampaignHubLocalization()
            .AddCampaignHubHealthChecks()
            .AddCampaignHubReports();
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
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapCampaignHubHealthChecks();
        app.MapCultureSwitch();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAdditionalIdentityEndpoints();
        return app;
    }
}
