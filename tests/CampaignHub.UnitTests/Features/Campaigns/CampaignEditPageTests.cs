using System.Globalization;
using System.Security.Claims;
using AngleSharp.Dom;
using Bunit;
using Bunit.TestDoubles;
using CampaignHub.Web.Components.Shared;
using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Campaigns;
using CampaignHub.Web.Features.Units;
using CampaignHub.Web.Features.Common;
using CampaignHub.Web.Features.Metrics;
using CampaignHub.Web.Features.Organisations;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace CampaignHub.UnitTests.Features.Campaigns;

/// <summary>The campaign page over a real (in-memory SQLite) database: the targets form and what a save does.</summary>
public sealed class CampaignEditPageTests : IAsyncDisposable
{
    private readonly SqliteConnection connection = new("Data Source=:memory:");
    private readonly BunitContext context;
    private readonly InMemoryFactory dbFactory;

    public CampaignEditPageTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        connection.Open();
        dbFactory = new InMemoryFactory(new DbContextOptionsBuilder<SqliteCampaignHubDbContext>().UseSqlite(connection).Options);
        using (var db = dbFactory.CreateDbContext())
        {
            db.Database.EnsureCreated();
            var catalogue = MetricCatalogue.Starting();
            catalogue.Single(m => m.Code == "trainees").IsActive = false;
            db.MetricDefinitions.AddRange(catalogue);
            db.Units.Add(new Unit { Name = "乳腺癌专委会" });
            // The signed-in admin as stored: the services read roles from the database, not the cookie's claims.
            db.Users.Add(new ApplicationUser { Id = "admin-id", UserName = "admin@example.org", Email = "admin@example.org" });
            db.Roles.Add(new IdentityRole(Roles.Admin) { Id = "role-admin", NormalizedName = Roles.Admin.ToUpperInvariant() });
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = "admin-id", RoleId = "role-admin" });
            db.SaveChanges();
        }

        context = new BunitContext();
        context.Services.AddLocalization(options => options.ResourcesPath = "Resources");
        context.Services.AddMudServices();
        context.Services.AddSingleton<IDbContextFactory<CampaignHubDbContext>>(dbFactory);
        context.Services.AddSingleton<ILookupNormalizer, UpperInvariantLookupNormalizer>();
        context.Services.AddScoped<CurrentUser>();
        context.Services.AddScoped<ActorResolver>();
        context.Services.AddScoped<CampaignService>();
        context.Services.AddScoped<OrganisationService>();
        context.Services.AddScoped<UnitService>();
        context.Services.AddScoped<MetricDefinitionService>();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        var auth = context.AddAuthorization();
        auth.SetAuthorized("admin@example.org");
        auth.SetRoles(Roles.Admin);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, "admin-id"));
        context.Render<MudPopoverProvider>();
    }

    [Fact]
    public void The_new_campaign_page_shows_a_target_field_for_every_active_metric_by_group()
    {
        var page = context.Render<CampaignEdit>();

        var targets = page.Find("[data-testid=campaign-targets]");
        var active = MetricCatalogue.Starting().Where(m => m.Code != "trainees").ToList();
        foreach (var metric in active)
        {
            InputOf(page, $"target-{metric.Code}").ShouldNotBeNull(metric.Code);
        }

        targets.QuerySelectorAll("input").Length.ShouldBe(active.Count);
        page.FindAll("[data-testid=target-trainees]").ShouldBeEmpty();
        targets.QuerySelectorAll("h3").Select(h => h.TextContent).ShouldBe(["参与人员", "宣传资料", "受益人数", "媒体传播", "筛查"]);
        targets.TextContent.ShouldContain("公众受益人数 (人)");
    }

    [Fact]
    public void Saving_an_incomplete_campaign_shows_each_error_and_saves_nothing()
    {
        var page = context.Render<CampaignEdit>();

        page.Find("[data-testid=campaign-save]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=field-errors]").TextContent.ShouldContain("请填写活动项目名称。"));
        page.Find("[data-testid=field-errors]").TextContent.ShouldContain("请填写开始日期。");
        page.Markup.ShouldContain("请填写结束日期。");
        using var db = dbFactory.CreateDbContext();
        db.Campaigns.Count().ShouldBe(0);
    }

    [Fact]
    public void An_admin_fills_in_a_campaign_with_a_target_and_it_is_saved()
    {
        var page = context.Render<CampaignEdit>();

        InputOf(page, "campaign-name").Input("第27届全国肿瘤防治宣传周");
        InputOf(page, "campaign-start").Change("2021-04-15");
        InputOf(page, "campaign-end").Change("2021-04-21");
        InputOf(page, "target-public_benefited").Change("11386");
        page.Find("[data-testid=campaign-save]").Click();

        var navigation = context.Services.GetRequiredService<BunitNavigationManager>();
        page.WaitForAssertion(() => navigation.Uri.ShouldMatch(@"/admin/campaigns/\d+$"));
        using var db = dbFactory.CreateDbContext();
        var campaign = db.Campaigns.Include(c => c.Targets).ThenInclude(t => t.Metric).Single();
        campaign.Name.ShouldBe("第27届全国肿瘤防治宣传周");
        campaign.StartDate.ShouldBe(new DateOnly(2021, 4, 15));
        campaign.EndDate.ShouldBe(new DateOnly(2021, 4, 21));
        campaign.Targets.Single().Metric!.Code.ShouldBe("public_benefited");
        campaign.Targets.Single().Target.ShouldBe(11386);
    }

    [Fact]
    public void An_existing_campaign_opens_with_its_targets_filled_in()
    {
        int id;
        using (var db = dbFactory.CreateDbContext())
        {
            var screened = db.MetricDefinitions.Single(m => m.Code == "screened");
            var campaign = new Campaign { Name = "西部戒烟关爱行动", StartDate = new(2021, 4, 20), EndDate = new(2021, 8, 6) };
            campaign.Targets.Add(new CampaignTarget { MetricDefinitionId = screened.Id, Target = 17326 });
            db.Campaigns.Add(campaign);
            db.SaveChanges();
            id = campaign.Id;
        }

        var page = context.Render<CampaignEdit>(parameters => parameters.Add(p => p.Id, id));

        page.WaitForAssertion(() => InputOf(page, "campaign-name").GetAttribute("value").ShouldBe("西部戒烟关爱行动"));
        InputOf(page, "target-screened").GetAttribute("value").ShouldBe("17326");
        InputOf(page, "target-public_benefited").GetAttribute("value").ShouldBeNullOrEmpty();
    }

    /// <summary>The input a data-testid names: MudBlazor puts the attribute on the input or on its wrapper.</summary>
    private static IElement InputOf(IRenderedComponent<CampaignEdit> page, string testId)
    {
        var element = page.Find($"[data-testid={testId}]");
        return element.TagName == "INPUT" ? element : element.QuerySelector("input") ?? throw new InvalidOperationException($"no input in {testId}");
    }

    public async ValueTask DisposeAsync()
    {
        await context.DisposeAsync();
        await connection.DisposeAsync();
    }

    private sealed class InMemoryFactory(DbContextOptions<SqliteCampaignHubDbContext> options) : IDbContextFactory<CampaignHubDbContext>
    {
        public CampaignHubDbContext CreateDbContext() => new SqliteCampaignHubDbContext(options, SaveRules.ForSystemWork());
    }
}
