using CampaignHub.Web.Features.Association;
using CampaignHub.Web.Features.Common;
using CampaignHub.Web.Features.Events;
using CampaignHub.Web.Features.Metrics;
using CampaignHub.Web.Features.Totals;

namespace CampaignHub.Web.Hosting;

/// <summary>The domain's services. Scoped: one per request or Blazor circuit; each opens short-lived DbContexts.</summary>
public static class FeatureServiceCollectionExtensions
{
    public static IServiceCollection AddCampaignHubFeatures(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<AssociationClock>();
        services.AddScoped<ActorResolver>();
        services.AddScoped<MetricCatalogueSeeder>();
        services.AddScoped<EventService>();
        services.AddScoped<TotalsService>();
        services.AddScoped<Data.Seeding.ShanxiDemoSeeder>();
        return services;
    }
}
