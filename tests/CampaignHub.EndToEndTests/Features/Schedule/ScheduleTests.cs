using System.Text.RegularExpressions;
using CampaignHub.Testing;
using CampaignHub.Web.Domain;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CampaignHub.EndToEndTests.Features.Schedule;

public sealed class ScheduleTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    /// <summary>A clinic on the Thursday of the given week and a lecture on its Saturday; each test its own week (they share one app).</summary>
    private async Task<(int Unit, int Clinic)> TwoEventsAsync(DateTime thursday)
    {
        var app = fixture.App;
        var unit = await app.AddUnitAsync($"乳腺癌专委会-{Guid.NewGuid():N}"[..12]);
        var campaign = await app.AddCampaignAsync($"宣传周-{Guid.NewGuid():N}"[..10], DateOnly.FromDateTime(thursday), DateOnly.FromDateTime(thursday.AddDays(6)), unit);
        var clinic = await app.AddEventAsync(campaign, [unit], "社区乳腺癌义诊", thursday.AddHours(9), thursday.AddHours(11),
            location: "迎泽公园");
        await app.AddEventAsync(campaign, [unit], "肺癌科普讲座", thursday.AddDays(2).AddHours(19), thursday.AddDays(2).AddHours(20),
            kind: "lecture", channel: "online", platform: "wechat");
        return (unit, clinic);
    }

    /// <summary>The 2021 events lie in the past: the empty current week offers a jump to them.</summary>
    [Fact]
    public async Task On_a_phone_staff_find_the_events_in_the_month_switch_to_the_week_and_open_one()
    {
        var (_, clinic) = await TwoEventsAsync(new DateTime(2021, 4, 15));
        var email = $"staff-{Guid.NewGuid():N}@example.org";
        await fixture.App.CreateUserAsync(email, Roles.Staff);
        var page = await fixture.NewPageAsync(width: 390, height: 844);

        await Pages.SignInAsync(page, email, TestData.Password);
        await Pages.WaitForInteractiveAsync(page);
        await Pages.OpenMenuAsync(page, "nav-schedule");
        await page.GetByTestId("nav-schedule").ClickAsync();
        await Expect(page.GetByTestId("schedule-heading")).ToHaveTextAsync("活动日程");
        await Expect(page.GetByTestId("schedule-timezone")).ToContainTextAsync("Asia/Shanghai (UTC+8)");

        await page.GetByTestId("schedule-view-month").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("view=month"));
        // The address changes first; the month and its offer to jump follow from the server.
        await Expect(page.GetByTestId("schedule-month")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("schedule-jump")).ToHaveAttributeAsync("href", new Regex("view=month"));
        await page.GetByTestId("schedule-jump").ClickAsync();
        await Expect(page.GetByTestId("schedule-period")).ToHaveTextAsync("2021年4月");
        // A phone shows a count per day instead of titles.
        var thursday = page.Locator("[data-testid=schedule-month-day][data-date='2021-04-15']");
        await Expect(thursday.GetByTestId("schedule-month-count")).ToHaveTextAsync("1");
        await Expect(thursday.GetByTestId("schedule-month-count")).ToBeVisibleAsync();
        await Pages.AssertNoSidewaysScrollingAsync(page, "campaignhub-phone-schedule-month.png");

        await page.GetByTestId("schedule-view-week").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("view=week&date=2021-04-"));
        await Expect(page.GetByTestId("schedule-week")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("schedule-period")).ToHaveTextAsync("2021-04-12 – 2021-04-18");
        var entries = page.GetByTestId("schedule-entry-link");
        await Expect(entries).ToHaveTextAsync(["社区乳腺癌义诊", "肺癌科普讲座"]);
        await Expect(page.Locator("[data-testid=schedule-day][data-date='2021-04-15']")).ToContainTextAsync("迎泽公园");
        await Pages.AssertNoSidewaysScrollingAsync(page, "campaignhub-phone-schedule-week.png");

        await entries.First.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/events/{clinic}$"));
        await Expect(page.GetByTestId("event-heading")).ToHaveTextAsync("社区乳腺癌义诊");
    }

    [Fact]
    public async Task The_week_of_a_unit_downloads_as_a_pdf()
    {
        var (unit, _) = await TwoEventsAsync(new DateTime(2021, 3, 11));
        var page = await fixture.NewPageAsync();
        await Pages.SignInAsync(page, CampaignHubAppFactory.AdminEmail, CampaignHubAppFactory.AdminPassword);
        await Pages.WaitForInteractiveAsync(page);

        await page.GotoAsync($"/schedule?view=week&date=2021-03-11&unitId={unit}");
        await Pages.WaitForInteractiveAsync(page);
        await Expect(page.GetByTestId("schedule-entry-link")).ToHaveCountAsync(2);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("schedule-print").ClickAsync());

        download.SuggestedFilename.ShouldStartWith("schedule 2021-03-08");
        download.SuggestedFilename.ShouldEndWith(".pdf");
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        bytes.AsSpan(0, 5).ToArray().ShouldBe("%PDF-"u8.ToArray());
        await Expect(page.GetByTestId("schedule-print-progress")).ToHaveCountAsync(0);
    }
}
