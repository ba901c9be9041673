using System.Data.Common;
using CampaignHub.Web.Data.Seeding;
using CampaignHub.Web.Features.Metrics;
using CampaignHub.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace CampaignHub.Web.Data;

/// <summary>
/// Brings the database up to date before the app serves anything: migrations, roles, the first admin and, when
/// asked, demo data. Program calls it before the server starts; the tests' factory calls the same method.
/// </summary>
public static class DatabaseInitializer
{
    public const string SeedDemoKey = "Seed:Demo";

    public static async Task InitializeCampaignHubDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var settings = services.GetRequiredService<DatabaseSettings>();
        await MigrateAsync(services, settings, cancellationToken);

        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AdminAccountSeeder>().SeedAsync();
        await scope.ServiceProvider.GetRequiredService<MetricCatalogueSeeder>().SeedAsync(cancellationToken);
        if (scope.ServiceProvider.GetRequiredService<IConfiguration>().GetValue(SeedDemoKey, false))
        {
            // The campaigns first: the demo coordinator is linked to one of their units.
            await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(cancellationToken);
            await scope.ServiceProvider.GetRequiredService<DemoAccountSeeder>().SeedAsync();
        }
    }

    /// <summary>Applies pending migrations; any failure to reach the database becomes a one-line start-up error.</summary>
    public static async Task MigrateAsync(IServiceProvider services, DatabaseSettings settings, CancellationToken cancellationToken = default)
    {
        if (settings.SqliteFile is { } file)
        {
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new StartupConfigurationException(DatabaseSettings.ConnectionStringKey,
                    $"cannot create the folder for the SQLite file {file}: {ex.Message}");
            }
        }

        try
        {
            // Contexts belong to a scope (their save rules do); migrating is system work, in a scope of its own.
            await using var scope = services.CreateAsyncScope();
            var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<CampaignHubDbContext>>();
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            if (settings.MigrateOnStartup)
            {
                await db.Database.MigrateAsync(cancellationToken);
            }
            else if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                throw new StartupConfigurationException(DatabaseSettings.ConnectionStringKey, "the database is unreachable.");
            }

            if (settings.SqliteFile is not null)
            {
                // Before anyone is served: readers must never wait behind a long write (an import) again.
                await SqliteConcurrency.UseWriteAheadLogAsync(db, cancellationToken);
            }

            // A database from before the event and figure tallies: counted once, before anyone reads totals (once its
            // schema has them).
            if (!(await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any()
                && await Tallies.TallyKeeper.CountIfMissingAsync(db, cancellationToken))
            {
                scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer))
                    .LogInformation("Counted the event and figure tallies of every campaign");
            }
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException)
        {
            throw new StartupConfigurationException(DatabaseSettings.ConnectionStringKey, $"the database is unreachable: {ex.Message}");
        }
    }
}
