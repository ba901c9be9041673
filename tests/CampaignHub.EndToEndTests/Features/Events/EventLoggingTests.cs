using System.Text.RegularExpressions;
using CampaignHub.Testing;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Association;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CampaignHub.EndToEndTests.Features.Events;

public sealed class EventLoggingTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    /// <summary>PRODUCT.md's "done": a coordinator logs a held free clinic with its figures from a 390 px phone.</summary>
    [Fact]
    public async Task A_coordinator_on_a_phone_logs_a_held_free_clinic_with_two_figures_and_sees_it_in_the_list()
    {
        var app = fixture.App;
        var breast = await app.AddUnitAsync("乳腺癌专委会");
        // The form defaults to today in the association's clock, so the campaign runs around that day.
        var today = app.Services.GetRequiredService<AssociationClock>().Today;
        var campaign = await app.AddCampaignAsync("全国肿瘤防治宣传周", today.AddDays(-3), today.AddDays(3), breast);
        var email = $"coordinator-{Guid.NewGuid():N}@example.org";
        var coordinatorId = await app.CreateUserAsync(email, Roles.Coordinator, breast);
        var page = await fixture.NewPageAsync(width: 390, height: 844);

        await Pages.SignInAsync(page, email, TestData.Password);
        await Pages.WaitForInteractiveAsync(page);
        await Pages.OpenMenuAsync(page, "nav-events");
        await page.GetByTestId("nav-events").ClickAsync();
        await Expect(page.GetByTestId("events-heading")).ToHaveTextAsync("活动");
        await page.GetByTestId("event-new").ClickAsync();

        await Expect(page.GetByTestId("event-heading")).ToHaveTextAsync("登记活动");
        await Input(page, "event-title").FillAsync("社区乳腺癌义诊");
        // The defaults fit logging on the spot: this campaign, the coordinator's unit, a free clinic today.
        // A single select shows its choice as text, a multiple one as its input's value.
        await Expect(page.GetByTestId("event-campaign")).ToHaveTextAsync("全国肿瘤防治宣传周");
        await Expect(page.GetByTestId("event-units")).ToHaveValueAsync("乳腺癌专委会");
        await Expect(page.GetByTestId("event-kind")).ToHaveTextAsync("义诊/咨询");
        await page.GetByTestId("event-status").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").GetByText("已举办").ClickAsync();
        await Input(page, "figure-patients_benefited").FillAsync("86");
        await Input(page, "figure-staff_medical").FillAsync("6");
        await Input(page, "figure-staff_medical").PressAsync("Tab");
        await Pages.AssertNoSidewaysScrollingAsync(page, "campaignhub-phone-event-new.png");
        await page.GetByTestId("event-save").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/events/\d+$"));
        await Expect(page.GetByTestId("event-heading")).ToHaveTextAsync("社区乳腺癌义诊");
        await Expect(Input(page, "figure-patients_benefited")).ToHaveValueAsync("86");

        await page.GetByTestId("event-back").ClickAsync();
        var row = page.GetByTestId("events-grid").Locator("tr", new() { Has = page.GetByText("社区乳腺癌义诊") });
        await Expect(row).ToBeVisibleAsync();
        await Expect(row.GetByTestId("event-row-status")).ToHaveTextAsync("已举办");
        await Pages.AssertNoSidewaysScrollingAsync(page, "campaignhub-phone-event-list.png");

        await using var db = await app.DbAsync();
        var stored = await db.Events.Include(e => e.Figures).ThenInclude(f => f.Metric).Include(e => e.Units)
            .SingleAsync(e => e.CampaignId == campaign);
        stored.Kind.ShouldBe(EventKind.FreeClinic);
        stored.Status.ShouldBe(EventStatus.Held);
        stored.Units.Select(c => c.UnitId).ShouldBe([breast]);
        stored.Figures.ToDictionary(f => f.Metric!.Code, f => f.Value)
            .ShouldBe(new Dictionary<string, decimal> { ["patients_benefited"] = 86, ["staff_medical"] = 6 }, ignoreOrder: true);
        // The page's circuit acts as the signed-in coordinator: the save path stamps and audits the save with them.
        stored.CreatedById.ShouldBe(coordinatorId);
        var trail = await db.AuditEntries
            .Where(a => a.CampaignId == campaign && (a.EntityType == nameof(CampaignEvent) || a.EntityType == nameof(MetricValue)))
            .Select(a => new { a.EntityType, a.UserEmail }).ToListAsync();
        trail.Count.ShouldBe(3);
        trail.ShouldAllBe(a => a.UserEmail == email);
    }

    /// <summary>MudBlazor puts a text field's attributes on its input; the figures form wraps each input in a marked div.</summary>
    private static ILocator Input(IPage page, string testId) =>
        page.Locator($"input[data-testid={testId}], [data-testid={testId}] input").First;
}
