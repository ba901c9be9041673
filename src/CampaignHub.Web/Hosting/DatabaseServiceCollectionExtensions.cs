using CampaignHub.Web.Data;
using CampaignHub.Web.Features.Reports.Locks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CampaignHub.Web.Hosting;

public static class DatabaseServiceCollectionExtensions
{
    public static IServiceCollection AddCampaignHubDatabase(this IServiceCollection services)
    {
        services.AddSingleton(sp => DatabaseSettings.FromConfiguration(
            sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>().ContentRootPath));
        services.TryAddSingleton(TimeProvider.System);

        // The save path, per scope (a Blazor circuit, an API request): the scope's user and the rules every save applies.
        services.AddScoped<CurrentUser>();
        services.AddScoped<ReportLockGuard>();
        services.AddScoped<SaveRules>();

        // Options once for the app; contexts per scope, through the factory below (or DI), with that scope's rules.
        // SQLite: WAL mode is set once at start-up (DatabaseInitializer); every connection waits for the write lock
        // instead of failing with "database is locked" (SqliteConcurrency).
        services.AddDbContext<SqliteCampaignHubDbContext>(
            (sp, options) =>
            {
                sp.GetRequiredService<DatabaseSettings>().Configure(options);
                options.AddInterceptors(SqliteConcurrency.BusyTimeoutInterceptor.Instance);
            },
            ServiceLifetime.Scoped, ServiceLifetime.Singleton);
        services.AddDbContext<SqlServerCampaignHubDbContext>(
            (sp, options) => sp.GetRequiredService<DatabaseSettings>().Configure(options), ServiceLifetime.Scoped, ServiceLifetime.Singleton);
        services.AddDbContext<PostgreSqlCampaignHubDbContext>(
            (sp, options) => sp.GetRequiredService<DatabaseSettings>().Configure(options), ServiceLifetime.Scoped, ServiceLifetime.Singleton);
        services.AddScoped<IDbContextFactory<CampaignHubDbContext>, CampaignHubDbContextFactory>();

        // Identity and data protection resolve a scoped context; Blazor components and services use the factory.
        services.AddScoped<CampaignHubDbContext>(
            sp => sp.GetRequiredService<IDbContextFactory<CampaignHubDbContext>>().CreateDbContext());
        return services;
    }
}
