using CampaignHub.Web.Data;
using CampaignHub.Web.Features.Metrics;
using CampaignHub.Web.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CampaignHub.Benchmarks;

/// <summary>
/// The app's own database, localisation and domain services over a fresh SQLite file, without the web server: the
/// measured code is exactly what the pages and the API call.
/// </summary>
internal static class BenchmarkHost
{
    public static async Task<IHost> StartAsync(string databaseFile, Action<IServiceCollection>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            EnvironmentName = Environments.Production,
            ContentRootPath = Path.GetDirectoryName(databaseFile),
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [DatabaseSettings.ProviderKey] = "Sqlite",
            [DatabaseSettings.ConnectionStringKey] = $"Data Source={databaseFile}",
        });
        builder.Services.AddLogging();
        builder.Services.AddCampaignHubDatabase().AddCampaignHubLocalization().AddCampaignHubFeatures();
        // Registered with Identity in the app; notifications ask for it to write their links.
        builder.Services.AddSingleton(sp => PublicAddress.FromConfiguration(sp.GetRequiredService<IConfiguration>()));
        // Registered with the API in the app; calendar feeds stamp their last use through it.
        builder.Services.AddSingleton<CampaignHub.Web.Features.Api.LastUseStamps>();
        configure?.Invoke(builder.Services);
        var host = builder.Build();

        // Migrations through the app's own DbContext and the starting metric catalogue, as at first start.
        await DatabaseInitializer.MigrateAsync(host.Services, host.Services.GetRequiredService<DatabaseSettings>());
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MetricCatalogueSeeder>().SeedAsync();
        return host;
    }
}
