using CampaignHub.Testing;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Duties;
using CampaignHub.Web.Features.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CampaignHub.EndToEndTests.Features.Duties;

/// <summary>Duty rosters on a 390 px phone: a coordinator staffs a clinic, a nurse finds it under "My duties".</summary>
public sealed class DutyPagesTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private async Task<(int Breast, int Lung, int Campaign, string AdminId)> SetupAsync()
    {
        var app = fixture.App;
        var breast = await app.AddUnitAsync($"乳腺癌专委会 {Guid.NewGuid():N}");
        var lung = await app.AddUnitAsync($"肺癌专委会 {Guid.NewGuid():N}");
        var today = DateOnly.FromDateTime(DateTime.Today);
        var campaign = await app.AddCampaignAsync("全国肿瘤防治宣传周", today.AddDays(-3), today.AddDays(7), breast, lung);
        var adminId = await app.CreateUserAsync($"admin-{Guid.NewGuid():N}@example.org", Roles.Admin);
        return (breast, lung, campaign, adminId);
    }

    private async Task<EventDetails> EventAsync(string adminId, int campaign, int unit, string title, DateTime start, DateTime end)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EventService>().CreateAsync(await fixture.App.ActorAsync(adminId), new EventInput
        {
            CampaignId = campaign, UnitIds = [unit], Title = title, Kind = "free_clinic", Channel = "offline",
            Start = start, End = end, Location = "山西省肿瘤医院门诊大厅", Status = "planned",
        });
    }

    private async Task<string> PersonAsync(string email, string name)
    {
        var id = await fixture.App.CreateUserAsync(email, Roles.Staff);
        await using var db = await fixture.App.DbAsync();
        await db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(s => s.SetProperty(u => u.DisplayName, name));
        return id;
    }

    [Fact]
    public async Task A_coordinator_on_a_phone_puts_an_expert_on_duty_and_is_warned_of_the_other_event()
    {
        var (breast, lung, campaign, adminId) = await SetupAsync();
        var day = WallClockDay(2);
        var lecture = await EventAsync(adminId, campaign, lung, "肺癌科普讲座", day.AddHours(10), day.AddHours(12));
        var clinic = await EventAsync(adminId, campaign, breast, "社区乳腺癌义诊", day.AddHours(9), day.AddHours(11));
        var expert = await PersonAsync($"wang-{Guid.NewGuid():N}@example.org", "王建国医生");
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DutyService>().AssignAsync(await fixture.App.ActorAsync(adminId), lecture.Id,
                new DutyInput { UserId = expert, Role = "expert", Start = day.AddHours(10), End = day.AddHours(12) });
        }

        var email = $"coordinator-{Guid.NewGuid():N}@example.org";
        await fixture.App.CreateUserAsync(email, Roles.Coordinator, breast);
        var page = await fixture.NewPageAsync(width: 390, height: 844);
        await Pages.SignInAsync(page, email, TestData.Password);
        await Pages.WaitForInteractiveAsync(page);
        await page.GotoAsync($"/events/{clinic.Id}");
        await Pages.WaitForInteractiveAsync(page);

        await Expect(page.GetByTestId("roster-none")).ToBeVisibleAsync();
        await Input(page, "roster-person").FillAsync("王建国");
        await page.Locator(".mud-popover-open .mud-list-item").GetByText("王建国医生").ClickAsync();
        await page.GetByTestId("roster-role").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").GetByText("专家").ClickAsync();
        await page.GetByTestId("roster-save").ClickAsync();

        await Expect(page.GetByTestId("roster-warning")).ToContainTextAsync("肺癌科普讲座");
        await Expect(page.GetByTestId("roster-row-person")).ToHaveTextAsync("王建国医生");
        await Expect(page.GetByTestId("roster-row-role")).ToContainTextAsync("专家");
        await Pages.AssertNoSidewaysScrollingAsync(page, "campaignhub-phone-roster.png");
    }

    [Fact]
    public async Task A_nurse_on_a_phone_finds_her_next_duty_under_my_duties_and_opens_the_event()
    {
        var (breast, _, campaign, adminId) = await SetupAsync();
        var day = WallClockDay(1);
        var clinic = await EventAsync(adminId, campaign, breast, "明日乳腺癌义诊", day.AddHours(9), day.AddHours(12));
        var email = $"nurse-{Guid.NewGuid():N}@example.org";
        var nurse = await PersonAsync(email, "李护士");
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DutyService>().AssignAsync(await fixture.App.ActorAsync(adminId), clinic.Id,
                new DutyInput { UserId = nurse, Role = "nurse", Start = day.AddHours(9), End = day.AddHours(11), Note = "分诊台" });
        }

        var page = await fixture.NewPageAsync(width: 390, height: 844);
        await Pages.SignInAsync(page, email, TestData.Password);
        await Pages.WaitForInteractiveAsync(page);
        await page.GotoAsync("/my-duties");
        await Pages.WaitForInteractiveAsync(page);

        await Expect(page.GetByTestId("my-duties-heading")).ToHaveTextAsync("我的值班");
        var duty = page.GetByTestId("my-duty");
        await Expect(duty).ToHaveCountAsync(1);
        await Expect(duty.GetByTestId("my-duty-role")).ToHaveTextAsync("护士");
        await Expect(duty.GetByTestId("my-duty-shift")).ToHaveTextAsync($"{day:yyyy-MM-dd} 09:00–11:00");
        await Expect(duty).ToContainTextAsync("分诊台");
        await Expect(page.GetByTestId("my-duties-zone")).ToContainTextAsync("Asia/Shanghai");
        await Pages.AssertNoSidewaysScrollingAsync(page, "campaignhub-phone-my-duties.png");

        await duty.GetByTestId("my-duty-event").ClickAsync();
        await Expect(page.GetByTestId("event-heading")).ToHaveTextAsync("明日乳腺癌义诊");
        await Expect(page.GetByTestId("roster-row-person")).ToHaveTextAsync("李护士");
        await Expect(page.GetByTestId("roster-save")).ToHaveCountAsync(0);
    }

    /// <summary>A day ahead as the association's wall-clock date; a Local-kind time would be converted from the machine's zone.</summary>
    private static DateTime WallClockDay(int days) => DateTime.SpecifyKind(DateTime.Today.AddDays(days), DateTimeKind.Unspecified);

    private static ILocator Input(IPage page, string testId) =>
        page.Locator($"input[data-testid={testId}], [data-testid={testId}] input").First;
}
