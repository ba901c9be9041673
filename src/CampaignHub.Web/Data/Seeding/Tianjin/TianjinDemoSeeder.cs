using CampaignHub.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CampaignHub.Web.Data.Seeding.Tianjin;

/// <summary>
/// Demo data for seeds/001: Tianjin Medical University Cancer Hospital's breast-reconstruction outreach
/// (乳房再造公益行) in its third year, 2021, as a programme's yearly edition: its departments and party branches, the
/// partner hospitals where it trains doctors, the book donation with the women's federation, the volunteer team,
/// the early-diagnosis days and the party-day clinics, with the figures the article gives.
/// </summary>
internal sealed class TianjinDemoSeeder(IDbContextFactory<CampaignHubDbContext> dbFactory, ILogger<TianjinDemoSeeder> logger)
    : DemoCampaignSeeder(dbFactory, logger)
{
    public const string CampaignName = "乳房再造公益行";

    protected override string Name => CampaignName;

    protected override DemoCampaignPlan Plan() =>
        new(TianjinProgramme.Organisations, TianjinProgramme.Units, TianjinProgramme.Campaign, TianjinProgramme.Events()) { Entries = TianjinProgramme.Entries };
}
