using Microsoft.EntityFrameworkCore;

namespace CampaignHub.Web.Data.Seeding.Liaoning;

/// <summary>
/// Demo data for seeds/002: the county cancer-centre roadshow of Liaoning Cancer Hospital (千县工程 规范化巡讲), its
/// first stop at Zhuanghe Central Hospital on 2024-04-27 with the visiting expert team, the free clinic, the
/// leaders' speeches, the talks by title, the chaired case discussions and the handover to the next host.
/// </summary>
internal sealed class LiaoningDemoSeeder(IDbContextFactory<CampaignHubDbContext> dbFactory, ILogger<LiaoningDemoSeeder> logger)
    : DemoCampaignSeeder(dbFactory, logger)
{
    public const string CampaignName = "“千县工程”辽宁省县域肿瘤防治中心规范化巡讲";

    protected override string Name => CampaignName;

    protected override DemoCampaignPlan Plan() =>
        new(LiaoningRoadshow.Organisations, LiaoningRoadshow.Units, LiaoningRoadshow.Campaign, LiaoningRoadshow.Events());
}
