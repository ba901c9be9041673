using Microsoft.EntityFrameworkCore;

namespace CampaignHub.Web.Data.Seeding.WesternChina;

/// <summary>
/// Demo data for seeds/003: the western China smoking-cessation project (西部戒烟关爱行动), 2021-04-20 to 2021-08-06,
/// as a project: its organisers, 12 regions and 9 partner hospitals, the "five in one" service that served 17,326
/// people, its measured outcomes (47.8% quit after one month, 23.3% tried, over 70% aware, over 50% used) and the
/// closing meeting with its three awards.
/// </summary>
internal sealed class WesternChinaDemoSeeder(IDbContextFactory<CampaignHubDbContext> dbFactory, ILogger<WesternChinaDemoSeeder> logger)
    : DemoCampaignSeeder(dbFactory, logger)
{
    public const string CampaignName = "西部戒烟关爱行动";

    protected override string Name => CampaignName;

    protected override DemoCampaignPlan Plan() =>
        new(WesternChinaProject.Organisations, WesternChinaProject.Units, WesternChinaProject.Campaign, WesternChinaProject.Events())
        {
            Awards = WesternChinaProject.Awards,
        };
}
