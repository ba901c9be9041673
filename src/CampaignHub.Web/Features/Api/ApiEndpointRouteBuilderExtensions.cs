using CampaignHub.Web.Features.Notifications;
using CampaignHub.Web.Features.Campaigns;
using CampaignHub.Web.Features.Units;
using CampaignHub.Web.Features.Duties;
using CampaignHub.Web.Features.Events;
using CampaignHub.Web.Features.Figures;
using CampaignHub.Web.Features.Metrics;
using CampaignHub.Web.Features.Programmes;
using CampaignHub.Web.Features.Organisations;
using CampaignHub.Web.Features.Reporting;
using CampaignHub.Web.Features.Reports.Drafts;
using CampaignHub.Web.Features.Reports.Summary;
using CampaignHub.Web.Features.Spreadsheets;
using CampaignHub.Web.Features.Totals;
using CampaignHub.Web.Hosting;

namespace CampaignHub.Web.Features.Api;

public static class ApiEndpointRouteBuilderExtensions
{
    /// <summary>The JSON API under /api and its OpenAPI document at /openapi/v1.json.</summary>
    public static WebApplication MapCampaignHubApi(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();

        var api = app.MapGroup("/api")
            .RequireAuthorization(ApiServiceCollectionExtensions.Policy)
            .RequireRateLimiting(RateLimitingExtensions.ApiPolicy)
            .DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapEventEndpoints();
        api.MapTotalsEndpoints();
        api.MapSpreadsheetEndpoints();
        api.MapUnitEndpoints();
        api.MapOrganisationEndpoints();
        api.MapCampaignEndpoints();
        api.MapProgrammeEndpoints();
        api.MapCampaignFigureEndpoints();
        api.MapMetricEndpoints();
        api.MapDutyEndpoints();
        api.MapSummaryReportEndpoints();
        api.MapReportDraftEndpoints();
        api.MapReportingEndpoints();
        api.MapNotificationEndpoints();
        return app;
    }

    /// <summary>Problem details for the API's errors; placed before routing so it sees every /api request.</summary>
    public static WebApplication UseCampaignHubApiErrors(this WebApplication app)
    {
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments("/api"),
            branch => branch.UseMiddleware<ApiErrorMiddleware>());
        return app;
    }
}
