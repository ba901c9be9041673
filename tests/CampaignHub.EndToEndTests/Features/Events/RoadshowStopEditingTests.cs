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
/// A coordinator at a roadshow stop (seed 002) on a 390 px phone: adds a talk with its title and the moderator of a
/// case discussion to the stop's programme and records the handover to the next host, with one save; no field runs
/// into another, and everything is there, in its role, after a reload.
/// </summary>
public sealed class RoadshowStopEditingTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string LungTalk = "肺癌质控标准解读及规范化诊疗之路";

    private DateOnly Today => fixture.App.Services.GetRequiredService<AssociationClock>().Today;

    /// <summary>A field of one programme card: MudBlazor puts a text field's attributes on its input.</summary>
    private static ILocator Field(ILocator card, string testId) =>
        card.Locator($"input[data-testid={testId}], textarea[data-testid={testId}], [data-testid={testId}] input").First;

    [Fact]
    public async Task A_coordinator_adds_a_talk_with_its_title_a_moderator_and_the_handover_to_a_stop_and_finds_them_after_a_reload()
    {
        var app = fixture.App;
        var suffix = Guid.NewGuid().ToString("N")[..4];
        var unit = await app.AddUnitAsync($"巡讲专家团队{suffix}", UnitKind.ExpertTeam);
        var host = await app.AddOrganisationAsync($"庄河市中心医院{suffix}");
        var nextHost = $"辽健集团铁煤总医院{suffix}";
        var nextHostId = await app.AddOrganisationAsync(nextHost);
        var campaign = await app.AddCampaignAsync($"规范化巡讲{suffix}", Today.AddDays(-3), Today.AddDays(3), unit);
        var email = $"coordinator-{Guid.NewGuid():N}@example.org";
        await app.CreateUserAsync(email, Roles.Coordinator, unit);
        var day = Today.ToDateTime(TimeOnly.MinValue);
        EventDetails stop;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            stop = await scope.ServiceProvider.GetRequiredService<EventService>().CreateAsync(await app.ActorAsync(await app.CreateUserAsync($"admin-{Guid.NewGuid():N}@example.org", Roles.Admin)), new EventInput
            {
                CampaignId = campaign, UnitIds = [unit], Title = "县域肿瘤防治中心规范化巡讲会", Kind = "conference", Channel = "offline",
                Start = day.AddHours(8), End = day.AddHours(12), Status = "held", HostOrganisationId = host,
                SeriesName = "县域肿瘤防治中心规范化巡讲", StopNumber = 1,
            });
        }

        var page = await fixture.NewPageAsync(width: 390, height: 844);
        await Pages.SignInAsync(page, email, TestData.Password);
        await Pages.WaitForInteractiveAsync(page);
        await page.GotoAsync($"/events/{stop.Id}");
        await Pages.WaitForInteractiveAsync(page);
        await Expect(page.GetByTestId("event-save")).ToBeEnabledAsync();

        // A talk: the first card is a talk unless changed.
        await page.GetByTestId("event-person-add").ClickAsync();
        var talk = page.GetByTestId("event-person").Nth(0);
        await Expect(talk.GetByTestId("event-person-role")).ToContainTextAsync("学术报告");
        await Field(talk, "event-person-name").FillAsync("刘宇");
        await Field(talk, "event-person-department").FillAsync("胸外科");
        await Field(talk, "event-person-affiliation").FillAsync("辽宁省肿瘤医院");
        await Field(talk, "event-person-talk-title").FillAsync(LungTalk);

        // The moderator of the lung cancer case discussion: a title has no place on a moderator's card.
        await page.GetByTestId("event-person-add").ClickAsync();
        var moderator = page.GetByTestId("event-person").Nth(1);
        await moderator.GetByTestId("event-person-role").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").GetByText("主持", new() { Exact = true }).ClickAsync();
        await Expect(moderator.Locator("[data-testid=event-person-talk-title]")).ToHaveCountAsync(0);
        await Field(moderator, "event-person-name").FillAsync("王国勇");
        await Field(moderator, "event-person-position").FillAsync("副院长");
        await Field(moderator, "event-person-topic").FillAsync("肺癌专题讨论");
        await Field(moderator, "event-person-topic").PressAsync("Tab");

        // The handover to the next host, in the stop's panel.
        await page.GetByTestId("event-stop-details").GetByText("巡讲站点：专家团队与交接").ClickAsync();
        await Field(page.GetByTestId("event-stop-details"), "event-team-size").FillAsync("10");
        await page.GetByTestId("event-next-host").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").GetByText(nextHost, new() { Exact = true }).ClickAsync();
        await Field(page.GetByTestId("event-stop-details"), "event-handover-from").FillAsync("温准院长");
        await Field(page.GetByTestId("event-stop-details"), "event-handover-to").FillAsync("副院长王国勇");

        await Pages.AssertNoSidewaysScrollingAsync(page, "campaignhub-phone-roadshow-stop.png");
        var overlaps = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('[data-testid="event-person"], [data-testid="event-stop-details"]')].flatMap((card, c) => {
                const outer = card.getBoundingClientRect();
                // Every field, and every button outside a field (a field's own clear button sits in it).
                const fields = [...card.querySelectorAll('.mud-input-control, button')].filter(f => f.matches('.mud-input-control') || !f.closest('.mud-input-control'))
                    .map(f => f.getBoundingClientRect()).filter(b => b.width > 0);
                const inside = fields.every(b => b.left >= outer.left - 1 && b.right <= outer.right + 1);
                const apart = fields.every((a, i) => fields.every((b, j) => i >= j
                    || a.right <= b.left + 1 || b.right <= a.left + 1 || a.bottom <= b.top + 1 || b.bottom <= a.top + 1));
                return inside && apart ? [] : [`card ${c}`];
            })
            """);
        overlaps.ShouldBeEmpty();

        await page.GetByTestId("event-save").ClickAsync();
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("已保存");

        await page.ReloadAsync();
        await Pages.WaitForInteractiveAsync(page);
        await Expect(page.GetByTestId("event-person")).ToHaveCountAsync(2);
        talk = page.GetByTestId("event-person").Nth(0);
        moderator = page.GetByTestId("event-person").Nth(1);
        await Expect(talk.GetByTestId("event-person-role")).ToContainTextAsync("学术报告");
        await Expect(Field(talk, "event-person-name")).ToHaveValueAsync("刘宇");
        await Expect(Field(talk, "event-person-talk-title")).ToHaveValueAsync(LungTalk);
        await Expect(moderator.GetByTestId("event-person-role")).ToContainTextAsync("主持");
        await Expect(Field(moderator, "event-person-name")).ToHaveValueAsync("王国勇");
        await Expect(Field(moderator, "event-person-topic")).ToHaveValueAsync("肺癌专题讨论");
        // Saved stop details keep their panel open.
        await Expect(Field(page.GetByTestId("event-stop-details"), "event-handover-to")).ToHaveValueAsync("副院长王国勇");
        await Expect(page.GetByTestId("event-next-host")).ToContainTextAsync(nextHost);

        await using var db = await app.DbAsync();
        var stored = await db.Events.Include(e => e.Speakers).SingleAsync(e => e.Id == stop.Id);
        stored.Speakers.OrderBy(s => s.SortOrder).Select(s => (s.Role, s.Name, s.TalkTitle, s.Topic)).ShouldBe(
        [
            (ProgrammeRole.Talk, "刘宇", LungTalk, null),
            (ProgrammeRole.Moderator, "王国勇", null, "肺癌专题讨论"),
        ]);
        (stored.NextHostOrganisationId, stored.HandoverFrom, stored.HandoverTo, stored.ExpertTeamSize).ShouldBe((nextHostId, "温准院长", "副院长王国勇", 10));
        stored.Version.ShouldBe(stop.Version + 1, "one save, one version");
    }
}
