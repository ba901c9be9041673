using CampaignHub.Web.Data;
using Npgsql;

namespace CampaignHub.Testing;

/// <summary>
/// Which database the functional suite runs on. SQLite files by default; with CAMPAIGNHUB_TEST_DATABASE=PostgreSql
/// and CAMPAIGNHUB_TEST_POSTGRES naming a server (a connection string whose user may create databases), each factory
/// gets a database of its own on that server, dropped when the factory is disposed. scripts/test.sh starts such a
/// server and runs the suite on both.
/// </summary>
public static class TestDatabase
{
    public const string ProviderVariable = "CAMPAIGNHUB_TEST_DATABASE";
    public const string PostgreSqlServerVariable = "CAMPAIGNHUB_TEST_POSTGRES";

    public static DatabaseProvider Provider { get; } =
        Enum.TryParse<DatabaseProvider>(Environment.GetEnvironmentVariable(ProviderVariable), ignoreCase: true, out var provider)
            ? provider
            : DatabaseProvider.Sqlite;

    private static string PostgreSqlServer =>
        Environment.GetEnvironmentVariable(PostgreSqlServerVariable) is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException($"{ProviderVariable}=PostgreSql needs {PostgreSqlServerVariable}, e.g. Host=127.0.0.1;Port=5432;Username=postgres");

    /// <summary>Creates an empty database with a name of its own; the app's migrations fill it.</summary>
    public static string CreatePostgreSqlDatabase()
    {
        var name = $"campaignhub_test_{Guid.NewGuid():N}";
        using (var connection = new NpgsqlConnection(Maintenance()))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE \"{name}\"";
            command.ExecuteNonQuery();
        }

        return new NpgsqlConnectionStringBuilder(PostgreSqlServer) { Database = name }.ConnectionString;
    }

    /// <summary>Drops the database even if a pooled connection of the app is still open on it.</summary>
    public static void DropPostgreSqlDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        using var connection = new NpgsqlConnection(Maintenance());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
        command.ExecuteNonQuery();
    }

    // Never pooled: databases are created and dropped through it while other tests' pools come and go.
    private static string Maintenance() =>
        new NpgsqlConnectionStringBuilder(PostgreSqlServer) { Database = "postgres", Pooling = false }.ConnectionString;
}
