using CampaignHub.Web.Hosting;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;

namespace CampaignHub.Web.Data;

/// <summary>
/// The validated database configuration. Read lazily from <see cref="IConfiguration"/> (not while Program builds
/// the service collection) so every configuration source, test overrides included, is seen.
/// </summary>
public sealed class DatabaseSettings
{
    public const string ProviderKey = "Database:Provider";
    public const string ConnectionStringKey = "ConnectionStrings:CampaignHub";
    public const string MigrateOnStartupKey = "Database:MigrateOnStartup";
    public const string DefaultSqliteConnectionString = "Data Source=data/campaignhub.db";

    private DatabaseSettings(DatabaseProvider provider, string connectionString, bool migrateOnStartup, string? sqliteFile)
    {
        Provider = provider;
        ConnectionString = connectionString;
        MigrateOnStartup = migrateOnStartup;
        SqliteFile = sqliteFile;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public bool MigrateOnStartup { get; }

    /// <summary>The absolute path of the SQLite file; null for SQL Server, PostgreSQL or an in-memory SQLite database.</summary>
    public string? SqliteFile { get; }

    public static DatabaseSettings FromConfiguration(IConfiguration configuration, string contentRoot)
    {
        var providerText = configuration[ProviderKey];
        DatabaseProvider provider;
        if (string.IsNullOrWhiteSpace(providerText))
        {
            provider = DatabaseProvider.Sqlite;
        }
        // By name only: "2" would otherwise name whichever provider happens to be third.
        else if (int.TryParse(providerText.Trim(), out _)
                 || !Enum.TryParse(providerText.Trim(), ignoreCase: true, out provider) || !Enum.IsDefined(provider))
        {
            throw new StartupConfigurationException(ProviderKey,
                $"unknown database provider '{providerText}'; use 'Sqlite', 'SqlServer' or 'PostgreSql'.");
        }

        var connectionString = configuration.GetConnectionString("CampaignHub");
        var migrate = configuration.GetValue(MigrateOnStartupKey, true);
        return provider switch
        {
            DatabaseProvider.Sqlite => ForSqlite(connectionString, contentRoot, migrate),
            DatabaseProvider.PostgreSql => ForPostgreSql(connectionString, migrate),
            _ => ForSqlServer(connectionString, migrate),
        };
    }

    private static DatabaseSettings ForSqlite(string? connectionString, string contentRoot, bool migrate)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = DefaultSqliteConnectionString;
        }

        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(connectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException)
        {
            throw new StartupConfigurationException(ConnectionStringKey, $"malformed SQLite connection string: {ex.Message}");
        }

        if (string.IsNullOrWhiteSpace(builder.DataSource))
        {
            throw new StartupConfigurationException(ConnectionStringKey, "the SQLite connection string has no 'Data Source'.");
        }

        string? file = null;
        if (builder.Mode != SqliteOpenMode.Memory && builder.DataSource != ":memory:")
        {
            // Relative files live under the content root, not wherever the process happened to start.
            file = Path.GetFullPath(builder.DataSource, contentRoot);
            builder.DataSource = file;
        }

        return new DatabaseSettings(DatabaseProvider.Sqlite, builder.ToString(), migrate, file);
    }

    private static DatabaseSettings ForSqlServer(string? connectionString, bool migrate)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new StartupConfigurationException(ConnectionStringKey,
                "is required when Database:Provider is SqlServer.");
        }

        try
        {
            var builder = new SqlConnectionStringBuilder(connectionString);
            if (string.IsNullOrWhiteSpace(builder.DataSource))
            {
                throw new StartupConfigurationException(ConnectionStringKey, "the SQL Server connection string has no 'Server'.");
            }
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new StartupConfigurationException(ConnectionStringKey, $"malformed SQL Server connection string: {ex.Message}");
        }

        return new DatabaseSettings(DatabaseProvider.SqlServer, connectionString, migrate, null);
    }

    private static DatabaseSettings ForPostgreSql(string? connectionString, bool migrate)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new StartupConfigurationException(ConnectionStringKey,
                "is required when Database:Provider is PostgreSql.");
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            if (string.IsNullOrWhiteSpace(builder.Host))
            {
                throw new StartupConfigurationException(ConnectionStringKey, "the PostgreSQL connection string has no 'Host'.");
            }
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new StartupConfigurationException(ConnectionStringKey, $"malformed PostgreSQL connection string: {ex.Message}");
        }

        return new DatabaseSettings(DatabaseProvider.PostgreSql, connectionString, migrate, null);
    }

    public void Configure(DbContextOptionsBuilder options)
    {
        _ = Provider switch
        {
            DatabaseProvider.Sqlite => options.UseSqlite(ConnectionString, ConfigureSqlite),
            DatabaseProvider.PostgreSql => options.UseNpgsql(ConnectionString, ConfigurePostgreSql),
            _ => options.UseSqlServer(ConnectionString, ConfigureSqlServer),
        };
    }

    internal static void ConfigureSqlite(SqliteDbContextOptionsBuilder sqlite) =>
        sqlite.MigrationsHistoryTable("__EFMigrationsHistory");

    internal static void ConfigureSqlServer(SqlServerDbContextOptionsBuilder sqlServer) =>
        sqlServer.MigrationsHistoryTable("__EFMigrationsHistory");

    internal static void ConfigurePostgreSql(NpgsqlDbContextOptionsBuilder postgreSql) =>
        postgreSql.MigrationsHistoryTable("__EFMigrationsHistory");
}
