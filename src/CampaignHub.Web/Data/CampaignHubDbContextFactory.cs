using Microsoft.EntityFrameworkCore;

namespace CampaignHub.Web.Data;

/// <summary>
/// Hands out the provider's context type as the shared <see cref="CampaignHubDbContext"/>, so features never care
/// which database is behind it. Scoped: every context it makes saves by its scope's <see cref="SaveRules"/>, so writes
/// of a Blazor circuit or an API request are stamped and audited with that scope's user.
/// </summary>
internal sealed class CampaignHubDbContextFactory(IServiceProvider services, DatabaseSettings settings, SaveRules rules)
    : IDbContextFactory<CampaignHubDbContext>
{
    public CampaignHubDbContext CreateDbContext() => settings.Provider switch
    {
        DatabaseProvider.Sqlite => new SqliteCampaignHubDbContext(services.GetRequiredService<DbContextOptions<SqliteCampaignHubDbContext>>(), rules),
        DatabaseProvider.PostgreSql => new PostgreSqlCampaignHubDbContext(services.GetRequiredService<DbContextOptions<PostgreSqlCampaignHubDbContext>>(), rules),
        _ => new SqlServerCampaignHubDbContext(services.GetRequiredService<DbContextOptions<SqlServerCampaignHubDbContext>>(), rules),
    };
}
