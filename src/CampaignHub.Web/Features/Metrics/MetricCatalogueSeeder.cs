using CampaignHub.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CampaignHub.Web.Features.Metrics;

/// <summary>Puts the starting catalogue into an empty database; an edited catalogue is never touched.</summary>
public sealed class MetricCatalogueSeeder(IDbContextFactory<CampaignHubDbContext> dbFactory)
{
    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.MetricDefinitions.AnyAsync(cancellationToken))
        {
            return;
        }

        db.MetricDefinitions.AddRange(MetricCatalogue.Starting());
        await db.SaveChangesAsync(cancellationToken);
    }
}
