using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using CampaignHub.Testing;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Common;
using CampaignHub.Web.Features.Events;
using CampaignHub.Web.Features.Figures;
using CampaignHub.Web.Features.Reports.Drafts;
using CampaignHub.Web.Features.Totals;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignHub.FunctionalTests.Features.Totals;

/// <summary>
/// Held means held (issue 11, point 2): the app's clock is stopped at noon on 18 April 2021 in Shanghai, in the
/// middle of a week that has a held event, a past one still planned, a future one marked held by mistake, a future
/// planned one, a cancelled one, and two today (one this morning, still confirmed; one this afternoon). Only what has
/// started and is not cancelled counts, with its figures, in the API's totals, the dashboard and the report alike;
/// what has not started is upcoming; past events still planned or confirmed count and are flagged for confirming.
/// </summary>
public sealed class HeldMeansHeldTests(HeldMeansHeldTests.App factory) : IClassFixture<HeldMeansHeldTests.App>
{
    /// <summary>12:00 on 18 April 2021 in Shanghai.</summary>
    public static readonly DateTimeOffset Noon = new(2021, 4, 18, 4, 0, 0, TimeSpan.Zero);

    public sealed class App : CampaignHubAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(new FixedTimeProvider(Noon)));
        }
    }

    private sealed record Week(int Campaign, int Unit, string AdminId, Dictionary<string, int> Events);

    private async Task<Week> WeekAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var unit = await factory.AddUnitAsync($"乳腺癌专委会-{suffix}");
        var campaign = await factory.AddCampaignAsync($"宣传周-{suffix}", new(2021, 4, 15), new(2021, 4, 21), unit);
        var adminId = await factory.CreateUserAsync($"admin-{suffix}@test.campaignhub.local", Roles.Admin);
        var admin = await factory.ActorAsync(adminId);
        await using var scope = factory.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<EventService>();
        var events = new Dictionary<string, int>();

        async Task LogAsync(string key, string title, string kind, string channel, string status, DateTime start, decimal patients)
        {
            var logged = await service.CreateAsync(admin, new EventInput
            {
                CampaignId = campaign, UnitIds = [unit], Title = title, Kind = kind, Channel = channel, Status = status,
                Start = start, End = start.AddHours(1), Highlight = true, Narrative = $"{title}的经过。",
                Figures = new() { ["patients_benefited"] = patients },
            });
            events[key] = logged.Id;
        }

        await LogAsync("held", "已举办的讲座", "lecture", "offline", "held", new(2021, 4, 15, 9, 0, 0), 100);
        await LogAsync("past-planned", "仍为计划中的线上讲座", "lecture", "online", "planned", new(2021, 4, 16, 9, 0, 0), 10);
        await LogAsync("cancelled", "取消的讲座", "lecture", "offline", "cancelled", new(2021, 4, 17, 9, 0, 0), 7);
        await LogAsync("this-morning", "今晨的患者交流会", "patient_exchange", "offline", "confirmed", new(2021, 4, 18, 9, 0, 0), 20);
        await LogAsync("this-afternoon", "今天下午的义诊", "free_clinic", "offline", "held", new(2021, 4, 18, 15, 0, 0), 300);
        await LogAsync("future-held", "误标为已举办的义诊", "free_clinic", "offline", "held", new(2021, 4, 20, 9, 0, 0), 1000);
        await LogAsync("future-planned", "第2站巡讲", "free_clinic", "offline", "planned", new(2021, 4, 21, 9, 0, 0), 5000);

        // Campaign-level reach: the 17th and today count, the 19th has not come yet.
        var figures = scope.ServiceProvider.GetRequiredService<CampaignFigureService>();
        foreach (var (day, reach) in new[] { (17, 50m), (18, 70m), (19, 60m) })
        {
            await figures.SaveAsync(admin, campaign, new CampaignFigureInput { UnitId = unit, Date = new(2021, 4, day), Figures = new() { ["reach_wechat"] = reach } });
        }

        return new Week(campaign, unit, adminId, events);
    }

    [Fact]
    public async Task The_api_totals_count_only_started_events_that_are_not_cancelled_and_name_the_upcoming_and_unconfirmed()
    {
        var week = await WeekAsync();
        var client = await factory.ApiClientAsync(week.AdminId);

        var totals = await client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{week.Campaign}/totals");

        // Held (15th), still planned (16th), this morning's (confirmed): three; the afternoon's, the 20th's and 21st's are to come.
        totals.GetProperty("eventCount").GetInt32().ShouldBe(3);
        totals.GetProperty("upcoming").GetInt32().ShouldBe(3);
        totals.GetProperty("unconfirmed").GetInt32().ShouldBe(2);
        totals.GetProperty("events").GetProperty("lecture").GetProperty("online").GetInt32().ShouldBe(1);
        totals.GetProperty("events").GetProperty("lecture").GetProperty("offline").GetInt32().ShouldBe(1);
        totals.GetProperty("events").GetProperty("patient_exchange").GetProperty("offline").GetInt32().ShouldBe(1);
        totals.GetProperty("events").TryGetProperty("free_clinic", out _).ShouldBeFalse();
        totals.GetProperty("metrics").GetProperty("patients_benefited").GetDecimal().ShouldBe(130);
        totals.GetProperty("metrics").GetProperty("reach_wechat").GetDecimal().ShouldBe(120);
        totals.GetProperty("from").GetString().ShouldBe("2021-04-15");
        totals.TryGetProperty("previous", out _).ShouldBeFalse();

        // The unit's own share follows the same rule.
        var forUnit = await client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{week.Campaign}/totals?unitId={week.Unit}");
        forUnit.GetProperty("eventCount").GetInt32().ShouldBe(3);
        forUnit.GetProperty("metrics").GetProperty("patients_benefited").GetDecimal().ShouldBe(130);
        forUnit.GetProperty("metrics").GetProperty("reach_wechat").GetDecimal().ShouldBe(120);

        // A period entirely to come counts nothing done, whatever the statuses say.
        var future = await client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{week.Campaign}/totals?from=2021-04-19&to=2021-04-21");
        future.GetProperty("eventCount").GetInt32().ShouldBe(0);
        future.GetProperty("upcoming").GetInt32().ShouldBe(2);
        future.GetProperty("metrics").EnumerateObject().ShouldBeEmpty();
    }

    [Fact]
    public async Task Totals_of_the_approved_units_only_count_a_joint_event_once_leave_the_other_units_out_and_keep_the_held_rule()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var (a, b, c) = (await factory.AddUnitAsync($"甲科室-{suffix}"), await factory.AddUnitAsync($"乙科室-{suffix}"), await factory.AddUnitAsync($"丙科室-{suffix}"));
        var campaign = await factory.AddCampaignAsync($"宣传周-{suffix}", new(2021, 4, 15), new(2021, 4, 21), a, b, c);
        var admin = await factory.ActorAsync(await factory.CreateUserAsync($"admin-{suffix}@test.campaignhub.local", Roles.Admin));
        await using var scope = factory.Services.CreateAsyncScope();
        var events = scope.ServiceProvider.GetRequiredService<EventService>();
        foreach (var (units, status, start, patients) in new (int[], string, DateTime, decimal)[]
                 {
                     ([a, b], "held", new(2021, 4, 16, 9, 0, 0), 10), ([b], "held", new(2021, 4, 16, 14, 0, 0), 20),
                     ([c], "held", new(2021, 4, 17, 9, 0, 0), 40), ([a], "planned", new(2021, 4, 17, 14, 0, 0), 80),
                     ([a], "held", new(2021, 4, 18, 15, 0, 0), 160), ([a], "cancelled", new(2021, 4, 16, 10, 0, 0), 320),
                 })
        {
            await events.CreateAsync(admin, new EventInput
            {
                CampaignId = campaign, UnitIds = [.. units], Title = $"活动 {start:MM-dd HH:mm}", Kind = "free_clinic", Channel = "offline", Status = status,
                Start = start, End = start.AddHours(1), Figures = new() { ["patients_benefited"] = patients },
            });
        }

        var figures = scope.ServiceProvider.GetRequiredService<CampaignFigureService>();
        await figures.SaveAsync(admin, campaign, new CampaignFigureInput { UnitId = a, Date = new(2021, 4, 16), Figures = new() { ["reach_wechat"] = 1000 } });
        await figures.SaveAsync(admin, campaign, new CampaignFigureInput { UnitId = c, Date = new(2021, 4, 16), Figures = new() { ["reach_wechat"] = 500 } });

        var totals = scope.ServiceProvider.GetRequiredService<TotalsService>();
        var all = await totals.GetAsync(new TotalsQuery(campaign));
        (all.EventCount, all.Upcoming, all.Unconfirmed).ShouldBe((4, 1, 1));
        (all.Metrics["patients_benefited"], all.Metrics["reach_wechat"]).ShouldBe((150m, 1500m));

        // Units a and b approved: the joint event once, b's own, a's past planned one; not c's event or entry; a's afternoon event still to come.
        var approved = await totals.GetAsync(new TotalsQuery(campaign, Units: [a, b], Compare: true));
        (approved.EventCount, approved.Upcoming, approved.Unconfirmed).ShouldBe((3, 1, 1));
        (approved.Metrics["patients_benefited"], approved.Metrics["reach_wechat"]).ShouldBe((110m, 1000m));
        var ofA = await totals.GetAsync(new TotalsQuery(campaign, UnitId: a, Units: [a, b]));
        (ofA.EventCount, ofA.Metrics["patients_benefited"]).ShouldBe((2, 90m));

        var statistics = await scope.ServiceProvider.GetRequiredService<CampaignStatisticsService>().GetAsync(new TotalsQuery(campaign, Units: [a, b]));
        statistics.Totals.EventCount.ShouldBe(3);
        statistics.Units.Select(u => (u.UnitId, u.Events, u.PeopleServed)).OrderBy(u => u.UnitId).ShouldBe([(a, 2, 90m), (b, 2, 30m)]);
        statistics.EventsPerDay.Sum(d => d.Online + d.Offline).ShouldBe(3);
    }

    [Fact]
    public async Task A_year_long_campaign_is_counted_by_the_same_rule_across_past_and_future_months()
    {
        var unit = await factory.AddUnitAsync($"控烟团队-{Guid.NewGuid():N}");
        var campaign = await factory.AddCampaignAsync("全年项目", new(2021, 1, 1), new(2021, 12, 31), unit);
        var admin = await factory.ActorAsync(await factory.CreateUserAsync($"admin-{Guid.NewGuid():N}@test.campaignhub.local", Roles.Admin));
        await using var scope = factory.Services.CreateAsyncScope();
        var events = scope.ServiceProvider.GetRequiredService<EventService>();
        foreach (var (start, status, patients) in new[]
                 {
                     (new DateTime(2021, 2, 10, 9, 0, 0), "held", 1m), (new DateTime(2021, 3, 31, 20, 0, 0), "planned", 2m),
                     (new DateTime(2021, 4, 2, 9, 0, 0), "held", 4m), (new DateTime(2021, 4, 18, 11, 0, 0), "held", 8m),
                     (new DateTime(2021, 4, 18, 13, 0, 0), "held", 16m), (new DateTime(2021, 4, 30, 9, 0, 0), "confirmed", 32m),
                     (new DateTime(2021, 6, 1, 9, 0, 0), "held", 64m), (new DateTime(2021, 2, 11, 9, 0, 0), "cancelled", 128m),
                 })
        {
            await events.CreateAsync(admin, new EventInput
            {
                CampaignId = campaign, UnitIds = [unit], Title = $"活动 {start:MM-dd HH:mm}", Kind = "free_clinic", Channel = "offline", Status = status,
                Start = start, End = start.AddHours(1), Figures = new() { ["patients_benefited"] = patients },
            });
        }

        var totals = scope.ServiceProvider.GetRequiredService<TotalsService>();
        var year = await totals.GetAsync(new TotalsQuery(campaign, Compare: true));
        (year.EventCount, year.Upcoming, year.Unconfirmed).ShouldBe((4, 3, 1));
        year.Metrics["patients_benefited"].ShouldBe(1 + 2 + 4 + 8);
        var february = await totals.GetAsync(new TotalsQuery(campaign, new(2021, 2, 1), new(2021, 2, 28)));
        (february.EventCount, february.Metrics["patients_benefited"]).ShouldBe((1, 1m));
        var spring = await totals.GetAsync(new TotalsQuery(campaign, new(2021, 3, 15), new(2021, 6, 15), UnitId: unit));
        (spring.EventCount, spring.Upcoming, spring.Unconfirmed).ShouldBe((3, 3, 1));

        var statistics = await scope.ServiceProvider.GetRequiredService<CampaignStatisticsService>().GetAsync(new TotalsQuery(campaign));
        statistics.Timeline.Granularity.ShouldBe(TimelineGranularity.Month);
        statistics.Timeline.Buckets.Select(b => b.Total).ShouldBe([0, 1, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0]);
        statistics.Units.Single().PeopleServed.ShouldBe(15);
    }

    [Fact]
    public async Task Confirming_a_past_event_keeps_it_counted_and_an_event_moved_into_the_future_stops_counting()
    {
        var week = await WeekAsync();
        var admin = await factory.ActorAsync(week.AdminId);
        await using var scope = factory.Services.CreateAsyncScope();
        var events = scope.ServiceProvider.GetRequiredService<EventService>();

        var planned = (await events.GetAsync(week.Events["past-planned"]))!.ToInput();
        planned.Status = "held";
        await events.UpdateAsync(admin, week.Events["past-planned"], planned, planned.Version);
        var held = (await events.GetAsync(week.Events["held"]))!.ToInput();
        held.Start = new DateTime(2021, 4, 19, 9, 0, 0);
        held.End = held.Start.Value.AddHours(1);
        await events.UpdateAsync(admin, week.Events["held"], held, held.Version);

        var totals = await scope.ServiceProvider.GetRequiredService<TotalsService>().GetAsync(new TotalsQuery(week.Campaign));
        totals.EventCount.ShouldBe(2);
        totals.Unconfirmed.ShouldBe(1);
        totals.Upcoming.ShouldBe(4);
        totals.Metrics["patients_benefited"].ShouldBe(30);
    }

    [Fact]
    public async Task The_dashboard_counts_the_same_and_shows_what_is_to_come_and_what_wants_confirming()
    {
        var week = await WeekAsync();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var statistics = await scope.ServiceProvider.GetRequiredService<CampaignStatisticsService>().GetAsync(new TotalsQuery(week.Campaign));
            statistics.Totals.EventCount.ShouldBe(3);
            statistics.Totals.Upcoming.ShouldBe(3);
            statistics.Totals.Unconfirmed.ShouldBe(2);
            statistics.EventsPerDay.Single(d => d.Date == new DateOnly(2021, 4, 18)).ShouldBe(new DailyEventCount(new(2021, 4, 18), 0, 1));
            statistics.EventsPerDay.Single(d => d.Date == new DateOnly(2021, 4, 20)).ShouldBe(new DailyEventCount(new(2021, 4, 20), 0, 0));
            statistics.Timeline.Granularity.ShouldBe(TimelineGranularity.Day);
            statistics.Timeline.Buckets.Sum(b => b.Total).ShouldBe(3);
            var unit = statistics.Units.Single();
            unit.Events.ShouldBe(3);
            unit.EventsByKind.ContainsKey("free_clinic").ShouldBeFalse();
            unit.PeopleServed.ShouldBe(130);
        }

        var email = $"staff-{Guid.NewGuid():N}@test.campaignhub.local";
        await factory.CreateUserAsync(email, Roles.Staff);
        var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await SignIn.AsAsync(browser, email, TestData.Password);
        var page = new HtmlParser().ParseDocument(await browser.GetStringAsync($"/campaigns/{week.Campaign}/dashboard"));

        page.QuerySelector("[data-testid=dashboard-total-events] [data-testid=dashboard-total-value]")!.TextContent.Trim().ShouldBe("3");
        page.QuerySelector("[data-testid=dashboard-upcoming]")!.TextContent.ShouldContain("3");
        page.QuerySelector("[data-testid=dashboard-unconfirmed]")!.TextContent.ShouldContain("2");
        page.QuerySelector("[data-testid=dashboard-total-served] [data-testid=dashboard-total-value]")!.TextContent.Trim().ShouldBe("130");
    }

    [Fact]
    public async Task The_report_counts_what_was_done_names_what_is_to_come_and_the_draft_lists_the_events_to_confirm()
    {
        var week = await WeekAsync();
        var client = await factory.ApiClientAsync(week.AdminId);

        var response = await client.GetAsync($"/api/campaigns/{week.Campaign}/report.docx?lang=zh-CN");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var docx = new ReportDocx(await response.Content.ReadAsByteArrayAsync());
        var text = docx.Text;

        // Told and counted: what happened; never the afternoon's, the 20th's or the 21st's events, nor the cancelled one.
        text.ShouldContain("已举办的讲座的经过。");
        text.ShouldContain("仍为计划中的线上讲座的经过。");
        text.ShouldNotContain("误标为已举办的义诊的经过。");
        text.ShouldNotContain("取消的讲座");
        var totals = docx.Paragraphs[docx.Paragraphs.FindIndex(p => p.Text == "总体数据") + 1].Text;
        totals.ShouldContain("线上科普讲座1场");
        totals.ShouldContain("患者130人受益");
        totals.ShouldNotContain("义诊");
        // Named as upcoming, first ones first, a roadshow stop by its title.
        var upcoming = docx.Paragraphs.Single(p => p.Text.StartsWith("即将举行：", StringComparison.Ordinal)).Text;
        upcoming.ShouldBe("即将举行：2021年4月18日 今天下午的义诊；2021年4月20日 误标为已举办的义诊；2021年4月21日 第2站巡讲。");

        var draft = await client.PostAsJsonAsync($"/api/campaigns/{week.Campaign}/report-drafts", new { lang = "zh-CN" });
        draft.StatusCode.ShouldBe(HttpStatusCode.Created);
        var details = await draft.Content.ReadFromJsonAsync<JsonElement>();
        details.GetProperty("unconfirmedCount").GetInt32().ShouldBe(2);
        details.GetProperty("unconfirmed").EnumerateArray().Select(e => e.GetProperty("id").GetInt32())
            .ShouldBe([week.Events["past-planned"], week.Events["this-morning"]]);
        details.GetProperty("unconfirmed")[0].GetProperty("status").GetString().ShouldBe("planned");
    }

    [Fact]
    public async Task The_draft_editor_links_each_unconfirmed_event_to_its_page()
    {
        var week = await WeekAsync();
        var admin = await factory.ActorAsync(week.AdminId);
        var draft = await factory.AsAsync<ReportDraftService, ReportDraftDetails>(admin,
            drafts => drafts.CreateAsync(admin, week.Campaign, new ReportDraftInput { Lang = "zh-CN" }));

        var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await SignIn.AsAsync(browser, (await factory.ActorAsync(week.AdminId)).Email!, TestData.Password);
        var page = new HtmlParser().ParseDocument(await browser.GetStringAsync($"/report-drafts/{draft.Id}"));

        var links = page.QuerySelectorAll("[data-testid=draft-unconfirmed-event]").Select(a => a.GetAttribute("href")).ToList();
        links.ShouldBe([$"/events/{week.Events["past-planned"]}", $"/events/{week.Events["this-morning"]}"]);
    }
}
