using Microsoft.EntityFrameworkCore;

namespace CampaignHub.Web.Data.Seeding.Xiangtan;

/// <summary>
/// Demo data for seeds/004, in English as its source is: Xiangtan's municipal cancer prevention and treatment centre,
/// founded on 2022-02-11 at Xiangtan Central Hospital, and the screening programmes by cancer that the city's
/// hospitals run (low-dose spiral CT for lung cancer; women's two cancers; the urban five cancers), each with its
/// screening funnel. The report language is English.
/// </summary>
internal sealed class XiangtanDemoSeeder(IDbContextFactory<CampaignHubDbContext> dbFactory, ILogger<XiangtanDemoSeeder> logger)
    : DemoCampaignSeeder(dbFactory, logger)
{
    public const string CampaignName = "Xiangtan cancer screening programmes";

    protected override string Name => CampaignName;

    protected override DemoCampaignPlan Plan() =>
        new(XiangtanScreening.Organisations, XiangtanScreening.Units, XiangtanScreening.Campaign, XiangtanScreening.Events());
}
