using CampaignHub.Testing;
using CampaignHub.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignHub.FunctionalTests.Data;

/// <summary>Every provider's migration set describes the one model; the test run's database gets them at start-up.</summary>
public sealed class MigrationTests
{
    private static SqliteCampaignHubDbContext Sqlite() =>
        new(new DbContextOptionsBuilder<SqliteCampaignHubDbContext>().UseSqlite("Data Source=:memory:").Options, SaveRules.ForSystemWork());

    // No connection is opened: model comparison and SQL generation work offline.
    private static SqlServerCampaignHubDbContext SqlServer() =>
        new(new DbContextOptionsBuilder<SqlServerCampaignHubDbContext>()
            .UseSqlServer("Server=127.0.0.1,1;Database=CampaignHub;User Id=sa;Password=unused;TrustServerCertificate=True").Options, SaveRules.ForSystemWork());

    // Likewise offline: nothing listens on this port.
    private static PostgreSqlCampaignHubDbContext PostgreSql() =>
        new(new DbContextOptionsBuilder<PostgreSqlCampaignHubDbContext>()
            .UseNpgsql("Host=127.0.0.1;Port=1;Database=campaignhub;Username=unused").Options, SaveRules.ForSystemWork());

    [Fact]
    public void Sqlite_migrations_match_the_model()
    {
        using var db = Sqlite();
        db.Database.HasPendingModelChanges().ShouldBeFalse("run scripts/add-migration.sh");
    }

    [Fact]
    public void Sql_server_migrations_match_the_model()
    {
        using var db = SqlServer();
        db.Database.HasPendingModelChanges().ShouldBeFalse("run scripts/add-migration.sh");
    }

    [Fact]
    public void PostgreSql_migrations_match_the_model()
    {
        using var db = PostgreSql();
        db.Database.HasPendingModelChanges().ShouldBeFalse("run scripts/add-migration.sh");
    }

    [Fact]
    public void Both_providers_have_the_same_migrations_and_the_same_tables_and_columns()
    {
        using var sqlite = Sqlite();
        using var sqlServer = SqlServer();

        static IEnumerable<string> Names(DbContext db) =>
            db.Database.GetMigrations().Select(m => m[(m.IndexOf('_') + 1)..]);
        Names(sqlite).ShouldBe(Names(sqlServer));

        Shape(sqlite).ShouldBe(Shape(sqlServer));
    }

    /// <summary>PostgreSQL came later with one initial migration of the whole model; its tables are the same.</summary>
    [Fact]
    public void PostgreSql_migrations_build_the_same_tables_and_columns()
    {
        using var sqlite = Sqlite();
        using var postgreSql = PostgreSql();

        Shape(postgreSql).ShouldBe(Shape(sqlite));
    }

    [Fact]
    public void PostgreSql_migrations_generate_a_script_whose_times_keep_no_zone()
    {
        using var db = PostgreSql();
        var script = db.GetService<IMigrator>().GenerateScript();

        script.ShouldContain("CREATE TABLE \"AspNetUsers\"");
        script.ShouldContain("\"StartsAt\" timestamp without time zone NOT NULL");
        script.ShouldContain("WHERE \"EventId\" IS NOT NULL");
    }

    [Fact]
    public void Sql_server_migrations_generate_a_script()
    {
        using var db = SqlServer();
        var script = db.GetService<IMigrator>().GenerateScript();

        script.ShouldContain("CREATE TABLE [AspNetUsers]");
        script.ShouldContain("CREATE TABLE [DataProtectionKeys]");
    }

    [Fact]
    public async Task Start_up_applies_every_migration_of_the_test_runs_database()
    {
        using var factory = new CampaignHubAppFactory();
        await using var db = await factory.DbAsync();

        (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        (await db.Database.GetAppliedMigrationsAsync()).ShouldNotBeEmpty();
        if (TestDatabase.Provider == DatabaseProvider.Sqlite)
        {
            File.Exists(factory.DatabaseFile).ShouldBeTrue();
        }
        else
        {
            db.Database.IsNpgsql().ShouldBeTrue();
        }
    }

    /// <summary>Tables and their columns as the migrations snapshot records them, provider details left out.</summary>
    private static List<string> Shape(DbContext db)
    {
        var snapshot = db.GetService<IMigrationsAssembly>().ModelSnapshot!.Model;
        return snapshot.GetEntityTypes()
            .SelectMany(e => e.GetProperties().Select(p => $"{e.GetTableName()}.{p.GetColumnName()} {(p.IsNullable ? "null" : "not null")} {p.GetMaxLength()}"))
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
