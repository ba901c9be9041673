using CampaignHub.Web.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace CampaignHub.Web.Hosting;

public static class HealthExtensions
{
    private const string ReadyTag = "ready";

    public static IServiceCollection AddCampaignHubHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddDbContextCheck<CampaignHubDbContext>("database", tags: [ReadyTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapCampaignHubHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        // Liveness: the process answers. It runs no checks, so a slow database never gets the app restarted.
        endpoints.MapHealthChecks("/health", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        // Readiness: the database answers.
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag) }).AllowAnonymous();
        return endpoints;
    }
}
