using Microsoft.EntityFrameworkCore;

namespace CampaignHub.Web.Data;

/// <summary>
/// Hands out the provider's context type as the shared <see cref="CampaignHubDbContext"/>, so features never care
/// which database is behind it.
/// </summary>
internal sealed class CampaignHubDbContextFactory(IServiceProvider services, DatabaseSettings settings)
    : IDbContextFactory<CampaignHubDbContext>
{
    public CampaignHubDbContext CreateDbContext() => settings.Provider switch
    {
        DatabaseProvider.Sqlite => services.GetRequiredService<IDbContextFactory<SqliteCampaignHubDbContext>>().CreateDbContext(),
        _ => services.GetRequiredService<IDbContextFactory<SqlServerCampaignHubDbContext>>().CreateDbContext(),
    };
}
