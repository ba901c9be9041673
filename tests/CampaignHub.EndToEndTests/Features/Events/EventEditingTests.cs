using System.Text.RegularExpressions;
using CampaignHub.Testing;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Association;
using CampaignHub.Web.Features.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CampaignHub.EndToEndTests.Features.Events;

/// <summary>
/// A saved event edited on a 390 px phone: details and figures go with one save, nothing typed is lost on leaving,
/// on a conflict, or on a date the user must confirm, and no figure's name runs into its unit.
/// </summary>
public sealed class EventEditingTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private DateOnly Today => fixture.App.Services.GetRequiredService<AssociationClock>().Today;

    private sealed record World(int Unit, int Campaign, string CampaignName, string CoordinatorEmail, string AdminId);

    private async Task<World> WorldAsync()
    {
        var app = fixture.App;
        var unit = await app.AddUnitAsync($"乳腺癌专委会 {Guid.NewGuid():N}"[..16]);
        var name = $"宣传周 {Guid.NewGuid():N}"[..12];
        var campaign = await app.AddCampaignAsync(name, Today.AddDays(-3), Today.AddDays(3), unit);
        var email = $"coordinator-{Guid.NewGuid():N}@example.org";
        await app.CreateUserAsync(email, Roles.Coordinator, unit);
        return new World(unit, campaign, name, email, await app.CreateUserAsync($"admin-{Guid.NewGuid():N}@example.org", Roles.Admin));
    }

    private async Task<EventDetails> EventAsync(World world)
    {
        var day = Today.ToDateTime(TimeOnly.MinValue);
        await using var scope = fixture.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EventService>().CreateAsync(await fixture.App.ActorAsync(world.AdminId), new EventInput
        {
            CampaignId = world.Campaign, UnitIds = [world.Unit], Title = "社区乳腺癌义诊", Kind = "free_clinic", Channel = "offline",
            Start = day.AddHours(9), End = day.AddHours(11), Location = "社区广场", Status = "held",
            Figures = new() { ["patients_benefited"] = 40 },
        });
    }

    private async Task<IPage> OpenAsync(World world, string path)
    {
        var page = await fixture.NewPageAsync(width: 390, height: 844);
        await Pages.SignInAsync(page, world.CoordinatorEmail, TestData.Password);
        await Pages.WaitForInteractiveAsync(page);
        await page.GotoAsync(path);
        await Pages.WaitForInteractiveAsync(page);
        await Expect(page.GetByTestId("event-save")).ToBeEnabledAsync();
        return page;
    }

    private async Task<CampaignEvent> StoredAsync(int id)
    {
        await using var db = await fixture.App.DbAsync();
        return await db.Events.Include(e => e.Figures).ThenInclude(f => f.Metric).SingleAsync(e => e.Id == id);
    }

    private static Dictionary<string, decimal> Figures(CampaignEvent stored) => stored.Figures.ToDictionary(f => f.Metric!.Code, f => f.Value);

    /// <summary>MudBlazor puts a text field's attributes on its input; the figures form wraps each input in a marked div.</summary>
    private static ILocator Input(IPage page, string testId) =>
        page.Locator($"input[data-testid={testId}], textarea[data-testid={testId}], [data-testid={testId}] input").First;

    [Fact]
    public async Task A_coordinator_types_a_figure_and_changes_a_detail_taps_the_one_save_and_finds_both_after_a_reload()
    {
        var world = await WorldAsync();
        var saved = await EventAsync(world);
        var page = await OpenAsync(world, $"/events/{saved.Id}");

        await Input(page, "event-title").FillAsync("社区乳腺癌义诊（第二场）");
        await Input(page, "event-end-time").FillAsync("11:30");
        await Input(page, "figure-staff_medical").FillAsync("6");
        await Input(page, "figure-patients_benefited").FillAsync("86");
        await Input(page, "figure-patients_benefited").PressAsync("Tab");
        await Pages.AssertNoSidewaysScrollingAsync(page, "campaignhub-phone-event-edit.png");
        await page.GetByTestId("event-save").ClickAsync();
        await Expect(page.GetByTestId("event-heading")).ToHaveTextAsync("社区乳腺癌义诊（第二场）");

        await page.ReloadAsync();
        await Pages.WaitForInteractiveAsync(page);
        await Expect(Input(page, "event-title")).ToHaveValueAsync("社区乳腺癌义诊（第二场）");
        await Expect(Input(page, "event-end-time")).ToHaveValueAsync("11:30");
        await Expect(Input(page, "figure-staff_medical")).ToHaveValueAsync("6");
        await Expect(Input(page, "figure-patients_benefited")).ToHaveValueAsync("86");
        var stored = await StoredAsync(saved.Id);
        stored.Title.ShouldBe("社区乳腺癌义诊（第二场）");
        stored.EndsAt.TimeOfDay.ShouldBe(new TimeSpan(11, 30, 0));
        Figures(stored).ShouldBe(new Dictionary<string, decimal> { ["patients_benefited"] = 86, ["staff_medical"] = 6 }, ignoreOrder: true);
        stored.Version.ShouldBe(saved.Version + 1, "one save, one version");
    }

    [Fact]
    public async Task Leaving_with_unsaved_edits_asks_first_and_staying_keeps_the_typing()
    {
        var world = await WorldAsync();
        var saved = await EventAsync(world);
        var page = await OpenAsync(world, $"/events/{saved.Id}");

        await Input(page, "figure-staff_medical").FillAsync("6");
        await Input(page, "event-location").FillAsync("社区卫生服务中心");
        await page.GetByTestId("event-back").ClickAsync();

        var dialog = page.Locator(".mud-dialog");
        await Expect(dialog).ToContainTextAsync("有未保存的修改");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "留在本页" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(page).ToHaveURLAsync(new Regex($"/events/{saved.Id}$"));
        await Expect(Input(page, "figure-staff_medical")).ToHaveValueAsync("6");
        await Expect(Input(page, "event-location")).ToHaveValueAsync("社区卫生服务中心");

        // Closing the tab gets the browser's own question.
        var asked = new TaskCompletionSource<string>();
        page.Dialog += async (_, question) =>
        {
            asked.TrySetResult(question.Type);
            await question.AcceptAsync();
        };
        await page.CloseAsync(new() { RunBeforeUnload = true });
        (await asked.Task.WaitAsync(TimeSpan.FromSeconds(10))).ShouldBe("beforeunload");

        Figures(await StoredAsync(saved.Id)).ShouldBe(new Dictionary<string, decimal> { ["patients_benefited"] = 40 });
    }

    [Fact]
    public async Task A_conflict_keeps_the_typing_shows_both_values_and_keeping_mine_saves_it_on_their_version()
    {
        var world = await WorldAsync();
        var saved = await EventAsync(world);
        var page = await OpenAsync(world, $"/events/{saved.Id}");
        // Someone else saves the same event meanwhile.
        var theirs = saved.ToInput();
        theirs.Title = "管理员改过的标题";
        theirs.Figures = new() { ["patients_benefited"] = 50 };
        theirs.Narrative = "管理员补充的描述";
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<EventService>().UpdateAsync(await fixture.App.ActorAsync(world.AdminId), saved.Id, theirs, saved.Version);
        }

        await Input(page, "event-title").FillAsync("我改的标题");
        await Input(page, "figure-patients_benefited").FillAsync("86");
        await Input(page, "figure-staff_medical").FillAsync("6");
        await page.GetByTestId("event-save").ClickAsync();

        var conflict = page.GetByTestId("event-conflict");
        await Expect(conflict).ToBeVisibleAsync();
        await Expect(conflict.GetByTestId("conflict-Title")).ToContainTextAsync("管理员改过的标题");
        await Expect(conflict.GetByTestId("conflict-Title")).ToContainTextAsync("我改的标题");
        await Expect(conflict.GetByTestId("conflict-figure-patients_benefited")).ToContainTextAsync("50");
        await Expect(conflict.GetByTestId("conflict-figure-patients_benefited")).ToContainTextAsync("86");
        await Expect(Input(page, "event-title")).ToHaveValueAsync("我改的标题");
        await Expect(Input(page, "figure-patients_benefited")).ToHaveValueAsync("86");
        await Expect(Input(page, "figure-staff_medical")).ToHaveValueAsync("6");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "campaignhub-phone-event-conflict.png"), FullPage = true });

        await conflict.GetByTestId("conflict-keep-mine").ClickAsync();
        await Expect(Input(page, "event-narrative")).ToHaveValueAsync("管理员补充的描述");
        await page.GetByTestId("event-save").ClickAsync();
        await Expect(page.GetByTestId("event-heading")).ToHaveTextAsync("我改的标题");

        var stored = await StoredAsync(saved.Id);
        (stored.Title, stored.Narrative).ShouldBe(("我改的标题", "管理员补充的描述"));
        Figures(stored).ShouldBe(new Dictionary<string, decimal> { ["patients_benefited"] = 86, ["staff_medical"] = 6 }, ignoreOrder: true);
    }

    [Fact]
    public async Task A_new_event_follows_its_campaign_until_a_date_is_set_and_a_date_outside_the_campaign_is_confirmed_first()
    {
        var world = await WorldAsync();
        var pastName = $"去年宣传周 {Guid.NewGuid():N}"[..14];
        var past = await fixture.App.AddCampaignAsync(pastName, new(2021, 4, 15), new(2021, 4, 21), world.Unit);
        var page = await OpenAsync(world, $"/events/new?campaignId={world.Campaign}");
        var date = Input(page, "event-start-date");
        var iso = Today.ToString("yyyy-MM-dd");
        await Expect(date).ToHaveValueAsync(iso);

        await page.GetByTestId("event-campaign").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").GetByText(pastName, new() { Exact = true }).ClickAsync();
        await Expect(date).ToHaveValueAsync("2021-04-15");
        await Expect(page.GetByTestId("event-status")).ToHaveTextAsync("已举办");

        // A date typed (no pop-over in the way) stays when the campaign changes.
        await date.FillAsync("2021-05-03");
        await Input(page, "event-title").FillAsync("乳腺癌随访义诊");
        await Input(page, "figure-patients_benefited").FillAsync("12");
        await Input(page, "figure-patients_benefited").PressAsync("Tab");
        await page.GetByTestId("event-save").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await Expect(dialog).ToContainTextAsync("2021-05-03");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "修改日期" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/events/new"));
        await Expect(Input(page, "event-title")).ToHaveValueAsync("乳腺癌随访义诊");
        await Expect(Input(page, "figure-patients_benefited")).ToHaveValueAsync("12");

        await page.GetByTestId("event-campaign").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").GetByText(world.CampaignName, new() { Exact = true }).ClickAsync();
        await Expect(date).ToHaveValueAsync("2021-05-03");
        await page.GetByTestId("event-start-date-today").ClickAsync();
        await Expect(date).ToHaveValueAsync(iso);
        await page.GetByTestId("event-save").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/events/\d+$"));
        await using var db = await fixture.App.DbAsync();
        var stored = await db.Events.Include(e => e.Figures).SingleAsync(e => e.Title == "乳腺癌随访义诊" && e.CampaignId == world.Campaign);
        DateOnly.FromDateTime(stored.StartsAt).ShouldBe(Today);
        stored.Figures.Single().Value.ShouldBe(12);
        (await db.Events.CountAsync(e => e.CampaignId == past)).ShouldBe(0);
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task On_a_phone_no_figures_name_runs_into_its_unit(string culture)
    {
        var world = await WorldAsync();
        var page = await fixture.NewPageAsync(width: 390, height: 844);
        await page.Context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = Uri.EscapeDataString($"c={culture}|uic={culture}"), Url = fixture.BaseUrl }]);
        await Pages.SignInAsync(page, world.CoordinatorEmail, TestData.Password);
        await page.GotoAsync($"/events/new?campaignId={world.Campaign}");
        await Pages.WaitForInteractiveAsync(page);
        await page.GetByTestId("figures-more").ClickAsync();
        // Every active metric of the catalogue, the kind's own first and the rest behind "more figures".
        int activeMetrics;
        await using (var db = await fixture.App.DbAsync())
        {
            activeMetrics = await db.MetricDefinitions.CountAsync(m => m.IsActive);
        }
        activeMetrics.ShouldBeGreaterThan(20);
        await Expect(page.Locator(".figure-label")).ToHaveCountAsync(activeMetrics);

        var overlaps = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('[data-testid^="figure-"]')].filter(f => f.querySelector('.figure-label')).flatMap(field => {
                const box = e => e.getBoundingClientRect();
                const [label, unit, input, outline] = ['.figure-label', '.mud-input-adornment', 'input', '.mud-input'].map(s => box(field.querySelector(s)));
                // The name wholly above the field; the unit inside the field, right of where the number is typed, which has room.
                const labelAbove = label.bottom <= outline.top && label.right <= outline.right + 1;
                const unitInside = unit.left >= input.right && unit.right <= outline.right && unit.left >= outline.left;
                return labelAbove && unitInside && input.width >= 48 ? [] : [field.dataset.testid];
            })
            """);

        overlaps.ShouldBeEmpty();
        await page.GetByTestId("event-form").ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), $"campaignhub-phone-figures-{culture}.png") });
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);
    }
}
