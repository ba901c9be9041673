using CampaignHub.Testing;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Common;
using CampaignHub.Web.Features.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CampaignHub.EndToEndTests.Features.Dashboard;

public sealed class DashboardTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    /// <summary>Staff on a 390 px phone open a campaign's dashboard: totals, the unit table as cards, a refresh.</summary>
    [Fact]
    public async Task On_a_phone_the_dashboard_shows_the_totals_and_the_unit_table_and_refreshes()
    {
        var app = fixture.App;
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var breast = await app.AddUnitAsync($"乳腺癌专委会{suffix}");
        var lung = await app.AddUnitAsync($"肺癌专委会{suffix}");
        var campaign = await app.AddCampaignAsync($"宣传周{suffix}", new(2021, 4, 15), new(2021, 4, 21), breast, lung);
        var admin = await app.ActorAsync(await app.CreateUserAsync($"admin-{suffix}@example.org", Roles.Admin));
        await LogAsync(admin, campaign, "free_clinic", "offline", new(2021, 4, 16, 9, 0, 0), [breast], 120);
        await LogAsync(admin, campaign, "lecture", "online", new(2021, 4, 17, 19, 0, 0), [lung], 80);
        await LogAsync(admin, campaign, "patient_exchange", "offline", new(2021, 4, 18, 9, 0, 0), [breast, lung], 30);
        var email = $"staff-{suffix}@example.org";
        await app.CreateUserAsync(email, Roles.Staff);
        var page = await fixture.NewPageAsync(width: 390, height: 844);

        await Pages.SignInAsync(page, email, TestData.Password);
        await Pages.WaitForInteractiveAsync(page);
        await page.GotoAsync($"/campaigns/{campaign}/dashboard");
        await Pages.WaitForInteractiveAsync(page);

        await Expect(page.GetByTestId("dashboard-heading")).ToHaveTextAsync($"宣传周{suffix}");
        await Expect(page.GetByTestId("dashboard-total-events").GetByTestId("dashboard-total-value")).ToHaveTextAsync("3");
        await Expect(page.GetByTestId("dashboard-total-served").GetByTestId("dashboard-total-value")).ToHaveTextAsync("230");
        var breastRow = page.GetByTestId("dashboard-units").Locator("tr", new() { Has = page.GetByText($"乳腺癌专委会{suffix}") });
        await Expect(breastRow.GetByTestId("unit-events")).ToContainTextAsync("2");
        await Expect(breastRow.GetByTestId("unit-served")).ToContainTextAsync("150");
        // Below the small breakpoint the table is a list of cards, each value labelled.
        await Expect(breastRow.GetByTestId("unit-served")).ToHaveAttributeAsync("data-label", "受益人数");
        await Expect(page.GetByTestId("dashboard-chart-days").GetByTestId("chart")).ToBeVisibleAsync();
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "campaignhub-phone-dashboard.png"), FullPage = true });

        // Someone logs another event; the refresh button brings it in without leaving the page.
        await LogAsync(admin, campaign, "screening", "offline", new(2021, 4, 19, 9, 0, 0), [lung], 20);
        await page.GetByTestId("dashboard-refresh").ClickAsync();
        await Expect(page.GetByTestId("dashboard-total-events").GetByTestId("dashboard-total-value")).ToHaveTextAsync("4");
        var lungRow = page.GetByTestId("dashboard-units").Locator("tr", new() { Has = page.GetByText($"肺癌专委会{suffix}") });
        await Expect(lungRow.GetByTestId("unit-served")).ToContainTextAsync("130");
    }

    private async Task LogAsync(Actor admin, int campaign, string kind, string channel, DateTime start, int[] units, decimal patients)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<EventService>().CreateAsync(admin, new EventInput
        {
            CampaignId = campaign,
            UnitIds = units.ToList(),
            Title = kind,
            Kind = kind,
            Channel = channel,
            Start = start,
            End = start.AddHours(2),
            Status = "held",
            Figures = new Dictionary<string, decimal> { ["patients_benefited"] = patients },
        });
    }
}
