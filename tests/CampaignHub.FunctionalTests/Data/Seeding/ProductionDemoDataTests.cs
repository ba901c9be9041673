using CampaignHub.Testing;
using CampaignHub.Web.Data.Seeding;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace CampaignHub.FunctionalTests.Data.Seeding;

/// <summary>Demo data follows the environment's own settings: Development loads it, Production never unless told.</summary>
public sealed class ProductionDemoDataTests
{
    private sealed class EnvironmentAppFactory : CampaignHubAppFactory
    {
        private readonly string environment;

        public EnvironmentAppFactory(string environment)
        {
            this.environment = environment;
            // Only the appsettings files of the environment decide.
            Settings.Remove("Seed:Demo");
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment(environment);
        }
    }

    [Fact]
    public async Task Production_without_Seed_Demo_has_no_campaign_and_no_demo_account()
    {
        using var factory = new EnvironmentAppFactory("Production");
        await using var db = await factory.DbAsync();

        (await db.Campaigns.CountAsync()).ShouldBe(0);
        (await db.Units.CountAsync()).ShouldBe(0);
        (await db.Users.CountAsync(u => u.Email == DemoAccountSeeder.CoordinatorEmail)).ShouldBe(0);
        // The first admin is there: the database was initialised, only the demo data was not.
        (await db.Users.CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Development_loads_one_demo_campaign_per_source_report()
    {
        using var factory = new EnvironmentAppFactory("Development");
        await using var db = await factory.DbAsync();

        (await db.Campaigns.Select(c => c.Name).ToListAsync()).ShouldBe(DemoDataSeeder.CampaignNames, ignoreOrder: true);
        DemoDataSeeder.CampaignNames.ShouldContain(ShanxiDemoSeeder.CampaignName);
        DemoDataSeeder.CampaignNames.Count.ShouldBe(5);
    }
}
