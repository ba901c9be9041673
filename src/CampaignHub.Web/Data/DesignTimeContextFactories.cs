using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CampaignHub.Web.Data;

// dotnet-ef uses these instead of starting the web host, so adding a migration never runs the app, seeds data or
// needs a reachable database. The connection strings are placeholders: migrations are generated offline.

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCampaignHubDbContext>
{
    public SqliteCampaignHubDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteCampaignHubDbContext>()
            .UseSqlite("Data Source=design-time.db", DatabaseSettings.ConfigureSqlite).Options);
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerCampaignHubDbContext>
{
    public SqlServerCampaignHubDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerCampaignHubDbContext>()
            .UseSqlServer("Server=localhost;Database=CampaignHub;Trusted_Connection=True;TrustServerCertificate=True",
                DatabaseSettings.ConfigureSqlServer).Options);
}
