using CampaignHub.Testing;
using CampaignHub.Web.Domain;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CampaignHub.EndToEndTests.Accessibility;

/// <summary>
/// WCAG 2.1 AA as axe-core checks it in the real Chromium: the pages a coordinator and an admin use most, on a
/// desktop and on a 390 px phone, have no serious or critical violation.
/// </summary>
public sealed class AccessibilityTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(1280, 800)]
    [InlineData(390, 844)]
    public async Task The_main_pages_have_no_serious_or_critical_axe_violations(int width, int height)
    {
        var app = fixture.App;
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var unit = await app.AddUnitAsync($"乳腺癌专委会{suffix}");
        var campaign = await app.AddCampaignAsync($"宣传周{suffix}", new(2021, 4, 15), new(2021, 4, 21), unit);
        var held = await app.AddEventAsync(campaign, [unit], $"义诊{suffix}", new(2021, 4, 16, 9, 0, 0), new(2021, 4, 16, 11, 0, 0), status: "held");
        await app.AddEventAsync(campaign, [unit], $"讲座{suffix}", new(2021, 4, 17, 14, 0, 0), new(2021, 4, 17, 16, 0, 0), kind: "lecture", status: "confirmed");
        var nurse = await app.AddPersonAsync($"王护士{suffix}");
        await app.AddDutyAsync(held, nurse, DutyRole.Nurse);
        string adminId;
        await using (var db = await app.DbAsync())
        {
            adminId = db.Users.Single(u => u.Email == CampaignHubAppFactory.AdminEmail).Id;
        }

        var period = await app.AddPeriodAsync(await app.ActorAsync(adminId), campaign, new(2021, 4, 15), new(2021, 4, 21), new(2021, 4, 30));
        var page = await fixture.NewPageAsync(width, height);
        var found = new List<string>();

        async Task CheckAsync(string name)
        {
            var serious = (await Axe.RunAsync(page)).Where(v => v.IsSeriousOrCritical).ToList();
            if (serious.Count > 0)
            {
                found.Add(Axe.Describe($"{name} at {width} px", serious));
            }
        }

        await page.GotoAsync("/Account/Login");
        await Expect(page.GetByTestId("login-submit")).ToBeVisibleAsync();
        await CheckAsync("login");

        await Pages.SignInAsync(page, CampaignHubAppFactory.AdminEmail, CampaignHubAppFactory.AdminPassword);
        await Expect(page.GetByTestId("home-heading")).ToBeVisibleAsync();
        await Pages.WaitForInteractiveAsync(page);
        await CheckAsync("home");

        await OpenAsync(page, $"/events?campaignId={campaign}");
        await Expect(page.GetByText($"义诊{suffix}").First).ToBeVisibleAsync();
        await CheckAsync("event list");

        await OpenAsync(page, $"/events/{held}");
        await Expect(page.GetByTestId("event-heading")).ToContainTextAsync($"义诊{suffix}");
        await CheckAsync("event page");

        await OpenAsync(page, "/events/new");
        await Expect(page.GetByTestId("event-heading")).ToBeVisibleAsync();
        await CheckAsync("new event");

        await OpenAsync(page, $"/schedule?view=week&date=2021-04-16&campaignId={campaign}");
        await Expect(page.GetByTestId("schedule-entry").First).ToBeVisibleAsync();
        await CheckAsync("schedule (week)");

        await OpenAsync(page, $"/schedule?view=agenda&date=2021-04-16&campaignId={campaign}");
        await Expect(page.GetByTestId("schedule-agenda-day").First).ToBeVisibleAsync();
        await CheckAsync("schedule (agenda)");

        await OpenAsync(page, $"/campaigns/{campaign}/report");
        await Expect(page.GetByTestId("report-preview")).ToBeVisibleAsync();
        await CheckAsync("report");

        await OpenAsync(page, $"/campaigns/{campaign}/dashboard");
        await Expect(page.GetByTestId("dashboard-heading")).ToBeVisibleAsync();
        await CheckAsync("dashboard");

        await OpenAsync(page, $"/reporting?campaignId={campaign}");
        await Expect(page.GetByTestId("board-summary")).ToBeVisibleAsync();
        await CheckAsync("reporting board");

        await OpenAsync(page, $"/reporting/periods/{period.Id}/units/{unit}");
        await Expect(page.GetByTestId("submission-status")).ToBeVisibleAsync();
        await CheckAsync("submission");

        found.ShouldBeEmpty(string.Join(Environment.NewLine, found));
    }

    private static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await Pages.WaitForInteractiveAsync(page);
    }
}
