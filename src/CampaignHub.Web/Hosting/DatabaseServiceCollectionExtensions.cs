using CampaignHub.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CampaignHub.Web.Hosting;

public static class DatabaseServiceCollectionExtensions
{
    public static IServiceCollection AddCampaignHubDatabase(this IServiceCollection services)
    {
        services.AddSingleton(sp => DatabaseSettings.FromConfiguration(
            sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>().ContentRootPath));

        services.AddDbContextFactory<SqliteCampaignHubDbContext>(
            (sp, options) => sp.GetRequiredService<DatabaseSettings>().Configure(options));
        services.AddDbContextFactory<SqlServerCampaignHubDbContext>(
            (sp, options) => sp.GetRequiredService<DatabaseSettings>().Configure(options));
        services.AddSingleton<IDbContextFactory<CampaignHubDbContext>, CampaignHubDbContextFactory>();

        // Identity and data protection resolve a scoped context; Blazor components and services use the factory.
        services.AddScoped<CampaignHubDbContext>(
            sp => sp.GetRequiredService<IDbContextFactory<CampaignHubDbContext>>().CreateDbContext());
        return services;
    }
}
