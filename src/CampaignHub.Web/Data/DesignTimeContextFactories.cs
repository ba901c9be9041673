using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CampaignHub.Web.Data;

// dotnet-ef uses these instead of starting the web host, so adding a migration never runs the app, seeds data or
// needs a reachable database. The connection strings are placeholders: migrations are generated offline. Migrations
// never call SaveChanges; should a tool save through such a context, it saves by the same rules, as system work.

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCampaignHubDbContext>
{
    public SqliteCampaignHubDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteCampaignHubDbContext>()
            .UseSqlite("Data Source=design-time.db", DatabaseSettings.ConfigureSqlite).Options, SaveRules.ForSystemWork());
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerCampaignHubDbContext>
{
    public SqlServerCampaignHubDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerCampaignHubDbContext>()
            .UseSqlServer("Server=localhost;Database=CampaignHub;Trusted_Connection=True;TrustServerCertificate=True",
                DatabaseSettings.ConfigureSqlServer).Options, SaveRules.ForSystemWork());
}

internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlCampaignHubDbContext>
{
    public PostgreSqlCampaignHubDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlCampaignHubDbContext>()
            .UseNpgsql("Host=localhost;Database=campaignhub", DatabaseSettings.ConfigurePostgreSql).Options, SaveRules.ForSystemWork());
}
