using System.Globalization;
using CampaignHub.EndToEndTests.Accessibility;
using CampaignHub.Testing;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Association;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CampaignHub.EndToEndTests.Features.Reporting;

/// <summary>
/// The reporting cycle on 390 px phones: a coordinator submits the week, the admin returns one figure with a comment,
/// the coordinator is told by the bell and sees it on the event, fixes the figure, submits again, and the admin sees what changed and approves.
/// </summary>
public sealed class ReportingCycleTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static ILocator Input(IPage page, string testId) =>
        page.Locator($"input[data-testid={testId}], textarea[data-testid={testId}], [data-testid={testId}] input").First;

    private static DateTime Minute(DateTime time) => new(time.Year, time.Month, time.Day, time.Hour, time.Minute, 0);

    private async Task<IPage> SignedInAsync(string email)
    {
        var page = await fixture.NewPageAsync(width: 390, height: 844);
        await Pages.SignInAsync(page, email, TestData.Password);
        await Pages.WaitForInteractiveAsync(page);
        return page;
    }

    private static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await Pages.WaitForInteractiveAsync(page);
    }

    [Fact]
    public async Task A_coordinator_submits_the_admin_returns_a_figure_the_coordinator_fixes_it_on_the_event_and_resubmits_and_the_admin_approves()
    {
        var app = fixture.App;
        var clock = app.Services.GetRequiredService<AssociationClock>();
        var today = clock.Today;
        var unit = await app.AddUnitAsync($"乳腺癌专委会 {Guid.NewGuid():N}"[..16]);
        var campaign = await app.AddCampaignAsync($"宣传周 {Guid.NewGuid():N}"[..12], today.AddDays(-7), today.AddDays(7), unit);
        var coordinatorEmail = $"coordinator-{Guid.NewGuid():N}@example.org";
        await app.CreateUserAsync(coordinatorEmail, Roles.Coordinator, unit);
        var adminEmail = $"admin-{Guid.NewGuid():N}@example.org";
        var admin = await app.ActorAsync(await app.CreateUserAsync(adminEmail, Roles.Admin));
        var period = await app.AddPeriodAsync(admin, campaign, today.AddDays(-7), today.AddDays(-1), today.AddDays(2));
        var clinic = await app.AddEventAsync(admin, campaign, today.AddDays(-3).ToDateTime(new TimeOnly(9, 0)),
            new Dictionary<string, decimal> { ["patients_benefited"] = 381710 }, title: "社区乳腺癌义诊", units: unit);
        var submissionPath = $"/reporting/periods/{period.Id}/units/{unit}";

        // The coordinator finds the week on the reporting page and submits it.
        var coordinator = await SignedInAsync(coordinatorEmail);
        await OpenAsync(coordinator, "/reporting");
        await coordinator.GetByTestId("my-submission-link").ClickAsync();
        await Expect(coordinator.GetByTestId("submission-status")).ToHaveTextAsync("未开始");
        await coordinator.GetByTestId("submission-submit").ClickAsync();
        await Expect(coordinator.GetByTestId("submission-status")).ToHaveTextAsync("已提交");
        await Pages.AssertNoSidewaysScrollingAsync(coordinator, "reporting-submitted.png");

        // The admin sees it on the board, opens it and returns the figure with a comment.
        var reviewer = await SignedInAsync(adminEmail);
        await OpenAsync(reviewer, $"/reporting?campaignId={campaign}");
        await Expect(reviewer.GetByTestId("board-summary")).ToHaveTextAsync("1个专委会中已有1个提交");
        await Pages.AssertNoSidewaysScrollingAsync(reviewer, "reporting-board.png");
        await reviewer.GetByTestId("board-open").ClickAsync();
        await Pages.WaitForInteractiveAsync(reviewer);
        await reviewer.GetByTestId("submission-event").GetByRole(AriaRole.Button, new() { Name = "提意见" }).ClickAsync();
        await reviewer.GetByTestId("return-metric").ClickAsync();
        await reviewer.Locator(".mud-popover-open .mud-list-item").GetByText("患者受益人数", new() { Exact = true }).ClickAsync();
        await Input(reviewer, "return-comment").FillAsync("接待人数应为38171，请核对。");
        var returnedFrom = Minute(clock.Now);
        await reviewer.GetByTestId("submission-return").ClickAsync();
        await Expect(reviewer.GetByTestId("submission-status")).ToHaveTextAsync("已退回");

        // The coordinator's bell counts the return; its list names the event, the figure and the comment, and opens
        // the submission.
        await OpenAsync(coordinator, "/");
        var bell = coordinator.GetByTestId("notification-bell");
        await Expect(bell).ToHaveAttributeAsync("aria-label", "通知，1 条未读");
        await bell.ClickAsync();
        await Expect(coordinator.GetByTestId("notifications-heading")).ToBeVisibleAsync();
        await Pages.WaitForInteractiveAsync(coordinator);
        var notice = coordinator.GetByTestId("notification");
        await Expect(notice).ToHaveCountAsync(1);
        await Expect(notice).ToContainTextAsync("报送被退回修改");
        await Expect(notice).ToContainTextAsync("活动“社区乳腺癌义诊”的指标“患者受益人数”");
        await Expect(notice).ToContainTextAsync("接待人数应为38171，请核对。");
        var shown = DateTime.ParseExact(await coordinator.GetByTestId("notification-time").InnerTextAsync(), "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        shown.ShouldBeInRange(returnedFrom, Minute(clock.Now)); // in the association's clock, whatever the server's zone
        await Pages.AssertNoSidewaysScrollingAsync(coordinator, "notifications.png");
        var serious = (await Axe.RunAsync(coordinator)).Where(v => v.IsSeriousOrCritical).ToList();
        serious.ShouldBeEmpty(Axe.Describe("notifications at 390 px", serious));
        await notice.GetByRole(AriaRole.Button, new() { Name = "查看" }).ClickAsync();
        await coordinator.WaitForURLAsync($"**{submissionPath}");
        await Expect(coordinator.GetByTestId("submission-returned-item")).ToContainTextAsync("接待人数应为38171");
        await Expect(bell).ToHaveAttributeAsync("aria-label", "通知，0 条未读");

        // The coordinator sees the comment on the event itself, fixes the figure there and submits again.
        await OpenAsync(coordinator, $"/events/{clinic.Id}");
        await Expect(coordinator.GetByTestId("event-returned-item")).ToContainTextAsync("接待人数应为38171，请核对。");
        await Expect(coordinator.GetByTestId("event-returned-item")).ToContainTextAsync("患者受益人数");
        await Input(coordinator, "figure-patients_benefited").FillAsync("38171");
        await coordinator.GetByTestId("event-save").ClickAsync();
        await Expect(coordinator.GetByText("修改已保存。")).ToBeVisibleAsync();
        await OpenAsync(coordinator, submissionPath);
        await Expect(coordinator.GetByTestId("submission-returned-item")).ToContainTextAsync("接待人数应为38171");
        await Expect(coordinator.GetByTestId("submission-change")).ToContainTextAsync("由 381,710 改为 38,171");
        await coordinator.GetByTestId("submission-submit").ClickAsync();
        await Expect(coordinator.GetByTestId("submission-status")).ToHaveTextAsync("已提交");

        // The admin sees what the resubmission changed and approves.
        await OpenAsync(reviewer, submissionPath);
        await Expect(reviewer.GetByTestId("resubmission-change")).ToContainTextAsync("患者受益人数 由 381,710 改为 38,171");
        await reviewer.GetByTestId("submission-approve").ClickAsync();
        await Expect(reviewer.GetByTestId("submission-status")).ToHaveTextAsync("已通过");
        await Pages.AssertNoSidewaysScrollingAsync(reviewer, "reporting-approved.png");

        // The coordinator is told of the approval, newest first.
        await OpenAsync(coordinator, "/notifications");
        await Expect(coordinator.GetByTestId("notification")).ToHaveCountAsync(2);
        await Expect(coordinator.GetByTestId("notification").First).ToContainTextAsync("报送已审核通过");

        await using var db = await app.DbAsync();
        var stored = await db.UnitSubmissions.AsNoTracking().SingleAsync(s => s.ReportingPeriodId == period.Id && s.UnitId == unit);
        (stored.Status, stored.Round).ShouldBe((SubmissionStatus.Approved, 2));
    }
}
