using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using CampaignHub.Testing;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Common;
using CampaignHub.Web.Features.Events;
using CampaignHub.Web.Features.Figures;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignHub.FunctionalTests.Features.Dashboard;

/// <summary>
/// The campaign dashboard as a browser first gets it (prerendered HTML): totals, targets, the unit table and
/// the filters, all from logged events and figures; and the campaign chooser that leads there.
/// </summary>
public sealed class DashboardPageTests(CampaignHubAppFactory factory) : IClassFixture<CampaignHubAppFactory>
{
    private sealed record World(int Breast, int Lung, int Campaign, string BreastName, string LungName);

    /// <summary>
    /// Three counted events (a joint one) and a cancelled one; campaign-level media reach; a target of 1,000 members
    /// of the public. People served: breast 150 + joint 100, lung 50 + joint 100; 300 in all.
    /// </summary>
    private async Task<World> WorldAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var (breastName, lungName) = ($"乳腺癌专委会-{suffix}", $"肺癌专委会-{suffix}");
        var breast = await factory.AddUnitAsync(breastName);
        var lung = await factory.AddUnitAsync(lungName);
        var campaign = await factory.AddCampaignAsync($"第27届宣传周-{suffix}", new(2021, 4, 15), new(2021, 4, 21), breast, lung);
        var admin = await factory.ActorAsync(await factory.CreateUserAsync($"admin-{suffix}@test.local", Roles.Admin));
        await using (var db = await factory.DbAsync())
        {
            var metricId = await db.MetricDefinitions.Where(m => m.Code == "public_benefited").Select(m => m.Id).SingleAsync();
            db.Set<CampaignTarget>().Add(new CampaignTarget { CampaignId = campaign, MetricDefinitionId = metricId, Target = 1000 });
            await db.SaveChangesAsync();
        }

        await using var scope = factory.Services.CreateAsyncScope();
        var events = scope.ServiceProvider.GetRequiredService<EventService>();
        await events.CreateAsync(admin, Event(campaign, "lecture", "offline", new(2021, 4, 16, 9, 0, 0), [breast], ("public_benefited", 120), ("patients_benefited", 30)));
        await events.CreateAsync(admin, Event(campaign, "free_clinic", "online", new(2021, 4, 17, 19, 0, 0), [lung], ("patients_benefited", 50)));
        await events.CreateAsync(admin, Event(campaign, "patient_exchange", "offline", new(2021, 4, 18, 9, 0, 0), [breast, lung], ("public_benefited", 100)));
        var cancelled = Event(campaign, "lecture", "offline", new(2021, 4, 19, 9, 0, 0), [breast], ("public_benefited", 999));
        cancelled.Status = "cancelled";
        await events.CreateAsync(admin, cancelled);
        var figures = scope.ServiceProvider.GetRequiredService<CampaignFigureService>();
        await figures.SaveAsync(admin, campaign, new CampaignFigureInput
        {
            UnitId = breast,
            Date = new(2021, 4, 15),
            Figures = new Dictionary<string, decimal> { ["reach_wechat"] = 38171, ["reach_tv"] = 2010 },
        });
        return new World(breast, lung, campaign, breastName, lungName);
    }

    private static EventInput Event(int campaign, string kind, string channel, DateTime start, int[] units, params (string Code, decimal Value)[] figures) => new()
    {
        CampaignId = campaign,
        UnitIds = units.ToList(),
        Title = kind,
        Kind = kind,
        Channel = channel,
        Start = start,
        End = start.AddHours(2),
        Status = "held",
        Figures = figures.ToDictionary(f => f.Code, f => f.Value),
    };

    private async Task<HttpClient> SignedInAsync(string role)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.local";
        await factory.CreateUserAsync(email, role);
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await SignIn.AsAsync(client, email, TestData.Password);
        return client;
    }

    private static async Task<IDocument> PageAsync(HttpClient client, string path) =>
        await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync(path));

    private static string Text(IDocument page, string selector) =>
        page.QuerySelector(selector)?.TextContent.Trim() ?? throw new ShouldAssertException($"nothing matches {selector}");

    private static Dictionary<string, (string Events, string Kinds, string Served)> Units(IDocument page) =>
        page.QuerySelectorAll("[data-testid=dashboard-units] tbody tr").ToDictionary(
            row => row.QuerySelector("[data-testid=unit-name]")!.TextContent.Trim(),
            row => (row.QuerySelector("[data-testid=unit-events]")!.TextContent.Trim(),
                row.QuerySelector("[data-testid=unit-kinds]")!.TextContent.Trim(),
                row.QuerySelector("[data-testid=unit-served]")!.TextContent.Trim()));

    [Fact]
    public async Task Staff_see_the_campaigns_totals_target_progress_and_each_units_share()
    {
        var world = await WorldAsync();
        var client = await SignedInAsync(Roles.Staff);

        var page = await PageAsync(client, $"/campaigns/{world.Campaign}/dashboard");

        Text(page, "[data-testid=dashboard-heading]").ShouldStartWith("第27届宣传周-");
        Text(page, "[data-testid=dashboard-campaign]").ShouldContain("2021-04-15 – 2021-04-21");
        Text(page, "[data-testid=dashboard-total-events] [data-testid=dashboard-total-value]").ShouldBe("3");
        Text(page, "[data-testid=dashboard-total-events]").ShouldContain("线上 1 场 · 线下 2 场");
        Text(page, "[data-testid=dashboard-total-served] [data-testid=dashboard-total-value]").ShouldBe("300");
        Text(page, "[data-testid=dashboard-total-reach] [data-testid=dashboard-total-value]").ShouldBe("40,181");
        Text(page, "[data-testid=dashboard-target-public_benefited] [data-testid=dashboard-target-figures]").ShouldBe("220 / 1,000 人");
        Text(page, "[data-testid=dashboard-target-public_benefited] [data-testid=dashboard-target-percent]").ShouldBe("完成目标的 22%");
        page.QuerySelector("[data-testid=dashboard-target-public_benefited] .mud-progress-linear").ShouldNotBeNull();

        var units = Units(page);
        units.Keys.ShouldBe([world.BreastName, world.LungName], ignoreOrder: true);
        units[world.BreastName].Events.ShouldBe("2");
        units[world.BreastName].Kinds.ShouldBe("科普讲座 1、患教/患者交流 1");
        units[world.BreastName].Served.ShouldBe("250");
        units[world.LungName].Events.ShouldBe("2");
        units[world.LungName].Served.ShouldBe("150");

        foreach (var chart in new[] { "dashboard-chart-days", "dashboard-chart-kinds", "dashboard-chart-reach" })
        {
            page.QuerySelector($"[data-testid={chart}] [data-testid=chart]").ShouldNotBeNull(chart);
        }

        page.QuerySelector($"a[href='/events?campaignId={world.Campaign}']").ShouldNotBeNull();
        page.QuerySelector($"a[href='/campaigns/{world.Campaign}/figures']").ShouldNotBeNull();
        page.QuerySelector($"a[href='/campaigns/{world.Campaign}/report']").ShouldNotBeNull();
        // Staff do not import.
        page.QuerySelector("[data-testid=dashboard-link-import]").ShouldBeNull();
    }

    [Fact]
    public async Task The_unit_and_period_in_the_address_filter_every_number()
    {
        var world = await WorldAsync();
        var client = await SignedInAsync(Roles.Coordinator);

        var lung = await PageAsync(client, $"/campaigns/{world.Campaign}/dashboard?unitId={world.Lung}");
        Text(lung, "[data-testid=dashboard-total-events] [data-testid=dashboard-total-value]").ShouldBe("2");
        Text(lung, "[data-testid=dashboard-total-served] [data-testid=dashboard-total-value]").ShouldBe("150");
        Text(lung, "[data-testid=dashboard-target-public_benefited] [data-testid=dashboard-target-figures]").ShouldBe("100 / 1,000 人");
        Units(lung).Keys.ShouldBe([world.LungName]);
        Text(lung, "[data-testid=dashboard-period]").ShouldContain(world.LungName);
        lung.QuerySelector($"a[href='/campaigns/{world.Campaign}/report?unitId={world.Lung}']").ShouldNotBeNull();

        var day = await PageAsync(client, $"/campaigns/{world.Campaign}/dashboard?from=2021-04-17&to=2021-04-17");
        Text(day, "[data-testid=dashboard-total-events] [data-testid=dashboard-total-value]").ShouldBe("1");
        Text(day, "[data-testid=dashboard-period]").ShouldContain("2021-04-17 – 2021-04-17");
        Text(day, "[data-testid=dashboard-chart-reach]").ShouldContain("本期间尚未登记媒体覆盖数据");

        var backwards = await PageAsync(client, $"/campaigns/{world.Campaign}/dashboard?from=2021-04-20&to=2021-04-16");
        backwards.QuerySelector("[data-testid=dashboard-totals]").ShouldBeNull();
        backwards.Body!.TextContent.ShouldContain("统计截止日期早于起始日期");

        var unknown = await PageAsync(client, "/campaigns/999999/dashboard");
        unknown.QuerySelector("[data-testid=campaign-not-found]").ShouldNotBeNull();
    }

    [Fact]
    public async Task The_campaigns_menu_leads_everyone_to_the_dashboards_and_admins_also_to_the_settings()
    {
        var world = await WorldAsync();
        var staff = await SignedInAsync(Roles.Staff);
        var admin = await SignedInAsync(Roles.Admin);

        var home = await PageAsync(staff, "/");
        home.QuerySelector("[data-testid=nav-campaigns]").ShouldNotBeNull();
        var staffList = await PageAsync(staff, "/campaigns");
        staffList.QuerySelector($"a[href='/campaigns/{world.Campaign}/dashboard']").ShouldNotBeNull();
        staffList.QuerySelector($"a[href='/admin/campaigns/{world.Campaign}']").ShouldBeNull();
        var adminList = await PageAsync(admin, "/campaigns");
        adminList.QuerySelector($"a[href='/admin/campaigns/{world.Campaign}']").ShouldNotBeNull();
    }
}
