using CampaignHub.Web.Data.Seeding.Liaoning;
using CampaignHub.Web.Data.Seeding.Tianjin;
using CampaignHub.Web.Data.Seeding.WesternChina;
using CampaignHub.Web.Data.Seeding.Xiangtan;
using Microsoft.EntityFrameworkCore;

namespace CampaignHub.Web.Data.Seeding;

/// <summary>
/// The demo database (Seed:Demo): one campaign per source report of ../shared/seeds, each logged as its organisers
/// ran it: the Shanxi 2021 prevention week (000), Tianjin's breast-reconstruction programme in its third year (001),
/// Liaoning's county roadshow (002), the western China smoking-cessation project (003) and Xiangtan's screening
/// programmes, in English (004). Loaded only while the database holds no campaign but these, so real data is left
/// alone; each campaign is added once, so a restart adds nothing and an older demo database gains the new ones.
/// </summary>
internal sealed class DemoDataSeeder(
    IDbContextFactory<CampaignHubDbContext> dbFactory,
    ShanxiDemoSeeder shanxi,
    TianjinDemoSeeder tianjin,
    LiaoningDemoSeeder liaoning,
    WesternChinaDemoSeeder westernChina,
    XiangtanDemoSeeder xiangtan)
{
    public static IReadOnlyList<string> CampaignNames { get; } =
    [
        ShanxiDemoSeeder.CampaignName, TianjinDemoSeeder.CampaignName, LiaoningDemoSeeder.CampaignName,
        WesternChinaDemoSeeder.CampaignName, XiangtanDemoSeeder.CampaignName,
    ];

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (await db.Campaigns.AnyAsync(c => !CampaignNames.Contains(c.Name), cancellationToken))
            {
                return;
            }
        }

        // Shanxi first: the demo coordinator is linked to one of its units.
        await shanxi.SeedAsync(cancellationToken);
        await tianjin.SeedAsync(cancellationToken);
        await liaoning.SeedAsync(cancellationToken);
        await westernChina.SeedAsync(cancellationToken);
        await xiangtan.SeedAsync(cancellationToken);
    }
}
