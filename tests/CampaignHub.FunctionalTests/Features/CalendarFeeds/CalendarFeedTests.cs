using System.Net;
using System.Text;
using AngleSharp.Html.Parser;
using CampaignHub.Testing;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Association;
using CampaignHub.Web.Features.CalendarFeeds;
using CampaignHub.Web.Features.Common;
using CampaignHub.Web.Features.Events;
using Ical.Net.CalendarComponents;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using IcsCalendar = Ical.Net.Calendar;

namespace CampaignHub.FunctionalTests.Features.CalendarFeeds;

/// <summary>
/// Calendar feeds at secret URLs, read as a calendar app reads them: anonymously, parsed with Ical.Net. Created on
/// the profile page, by the admin command or the service.
/// </summary>
public sealed class CalendarFeedTests(CampaignHubAppFactory factory) : IClassFixture<CampaignHubAppFactory>
{
    private const string Page = "/Account/Manage/CalendarFeeds";

    private DateTime Today => factory.Services.GetRequiredService<AssociationClock>().Now.Date;

    /// <summary>A calendar app: no cookies, no sign-in, redirects not followed.</summary>
    private HttpClient CalendarApp() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    [Fact]
    public async Task A_unit_feed_holds_the_units_events_in_the_association_time_zone_with_place_speakers_and_duties()
    {
        var (actor, unit, campaign) = await SetUpAsync("乳腺癌专委会");
        var other = await factory.AddUnitAsync($"肺癌专委会 {Guid.NewGuid():N}");
        var venueId = await AddVenueAsync("山西省肿瘤医院", "门诊大厅", "太原市杏花岭区职工新村3号");
        var day = Today.AddDays(10);
        var lecture = await CreateEventAsync(actor, Input(campaign, unit, "乳腺癌早筛科普讲座", day.AddHours(9), day.AddHours(11), input =>
        {
            input.Kind = "lecture";
            input.VenueId = venueId;
            input.Status = "confirmed";
            input.People = [new PersonInput { Name = "张明", Affiliation = "山西省肿瘤医院", TalkTitle = "乳腺癌的早期发现" }];
        }));
        var nurse = await factory.CreateUserAsync($"nurse-{Guid.NewGuid():N}@test.campaignhub.local", Roles.Staff);
        await SetDisplayNameAsync(nurse, "李护士");
        await AddDutyAsync(lecture.Id, nurse, DutyRole.Nurse, day.AddHours(9), day.AddHours(10));
        var elsewhere = await CreateEventAsync(actor, Input(campaign, other, "肺癌义诊", day.AddHours(9), day.AddHours(11)));
        var longAgo = await CreateEventAsync(actor, Input(campaign, unit, "两年前的讲座", Today.AddYears(-2).AddHours(9), Today.AddYears(-2).AddHours(10)));
        var lastMonth = await CreateEventAsync(actor, Input(campaign, unit, "上个月的义诊", Today.AddMonths(-1).AddHours(9), Today.AddMonths(-1).AddHours(10)));
        var feed = await CreateFeedAsync(actor.UserId, new CalendarFeedInput("unit", UnitId: unit));

        var response = await CalendarApp().GetAsync(feed.Path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().ShouldBe("text/calendar; charset=utf-8");
        response.Headers.CacheControl!.Private.ShouldBeTrue();
        response.Headers.CacheControl.MaxAge.ShouldBe(TimeSpan.FromMinutes(5));
        var text = await response.Content.ReadAsStringAsync();
        var calendar = IcsCalendar.Load(text)!;
        calendar.ProductId.ShouldBe(CalendarFeedRenderer.ProductId);
        CalendarName(calendar).ShouldBe(await UnitNameAsync(unit));
        calendar.TimeZones.Single().TzId.ShouldBe("Asia/Shanghai");
        // China has had no daylight saving time since 1991: the definition must not repeat a transition yearly.
        var zone = text[text.IndexOf("BEGIN:VTIMEZONE", StringComparison.Ordinal)..text.IndexOf("END:VTIMEZONE", StringComparison.Ordinal)];
        zone.ShouldContain("TZOFFSETTO:+0800");
        zone.ShouldNotContain("RRULE");

        calendar.Events.Select(e => e.Uid).ShouldBe([$"event-{lastMonth.Id}@campaignhub", $"event-{lecture.Id}@campaignhub"]);
        calendar.Events.Select(e => e.Uid).ShouldNotContain($"event-{elsewhere.Id}@campaignhub");
        calendar.Events.Select(e => e.Uid).ShouldNotContain($"event-{longAgo.Id}@campaignhub");
        var item = calendar.Events.Single(e => e.Uid == $"event-{lecture.Id}@campaignhub");
        text.ShouldContain($"DTSTART;TZID=Asia/Shanghai:{day:yyyyMMdd}T090000");
        text.ShouldContain($"DTEND;TZID=Asia/Shanghai:{day:yyyyMMdd}T110000");
        item.DtStart!.TzId.ShouldBe("Asia/Shanghai");
        item.DtStart.AsUtc.ShouldBe(DateTime.SpecifyKind(day.AddHours(1), DateTimeKind.Utc));
        item.Summary.ShouldBe("乳腺癌早筛科普讲座");
        item.Location.ShouldBe("门诊大厅, 太原市杏花岭区职工新村3号");
        item.Status.ShouldBe("CONFIRMED");
        item.Url.ShouldBe(new Uri($"http://localhost/events/{lecture.Id}"));
        item.DtStamp.ShouldNotBeNull();
        item.LastModified.ShouldNotBeNull();
        item.Description!.ShouldContain("活动类型：科普讲座");
        item.Description!.ShouldContain(await UnitNameAsync(unit));
        item.Description!.ShouldContain("张明 · 山西省肿瘤医院 · 乳腺癌的早期发现");
        item.Description!.ShouldContain($"李护士 · 护士 · {day:yyyy-MM-dd} 09:00–10:00");
    }

    [Fact]
    public async Task An_edited_event_keeps_its_uid_with_a_higher_sequence_and_a_cancelled_one_stays_as_cancelled()
    {
        var (actor, unit, campaign) = await SetUpAsync("妇科肿瘤专委会");
        var day = Today.AddDays(3);
        var created = await CreateEventAsync(actor, Input(campaign, unit, "宫颈癌筛查", day.AddHours(8), day.AddHours(12)));
        var feed = await CreateFeedAsync(actor.UserId, new CalendarFeedInput("unit", UnitId: unit));
        var before = (await ReadAsync(feed.Path)).Events.Single();
        before.Status.ShouldBe("TENTATIVE");

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var events = scope.ServiceProvider.GetRequiredService<EventService>();
            var moved = await events.UpdateAsync(actor, created.Id, Input(campaign, unit, "宫颈癌筛查（改期）", day.AddHours(14), day.AddHours(17)), created.Version);
            var after = (await ReadAsync(feed.Path)).Events.Single();
            after.Uid.ShouldBe(before.Uid);
            after.Sequence.ShouldBeGreaterThan(before.Sequence);
            after.Summary.ShouldBe("宫颈癌筛查（改期）");
            after.DtStart!.Value.ShouldBe(day.AddHours(14));

            await events.UpdateAsync(actor, created.Id, Input(campaign, unit, "宫颈癌筛查（改期）", day.AddHours(14), day.AddHours(17), i => i.Status = "cancelled"), moved.Version);
            var cancelled = (await ReadAsync(feed.Path)).Events.Single();
            cancelled.Uid.ShouldBe(before.Uid);
            cancelled.Sequence.ShouldBeGreaterThan(after.Sequence);
            cancelled.Status.ShouldBe("CANCELLED");
        }
    }

    [Fact]
    public async Task A_calendar_asking_again_with_the_etag_gets_304_and_no_body_until_an_event_changes()
    {
        var (actor, unit, campaign) = await SetUpAsync("甲状腺肿瘤专委会");
        var day = Today.AddDays(5);
        var created = await CreateEventAsync(actor, Input(campaign, unit, "甲状腺结节义诊", day.AddHours(9), day.AddHours(11)));
        var feed = await CreateFeedAsync(actor.UserId, new CalendarFeedInput("unit", UnitId: unit));
        var app = CalendarApp();

        using var first = await app.GetAsync(feed.Path);
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        var etag = first.Headers.ETag.ShouldNotBeNull();
        etag.IsWeak.ShouldBeFalse();
        first.Headers.CacheControl!.Private.ShouldBeTrue();
        first.Headers.CacheControl.MaxAge.ShouldBe(TimeSpan.FromMinutes(5));
        (await first.Content.ReadAsStringAsync()).ShouldContain("甲状腺结节义诊");

        using var again = await ConditionalGetAsync(app, feed.Path, etag.Tag);
        again.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        (await again.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();
        again.Headers.ETag!.Tag.ShouldBe(etag.Tag);
        again.Headers.CacheControl!.MaxAge.ShouldBe(TimeSpan.FromMinutes(5));

        // A calendar that holds an older copy, or names several, gets the feed when none of its tags is current.
        using var stale = await ConditionalGetAsync(app, feed.Path, "\"older\", W/\"other\"");
        stale.StatusCode.ShouldBe(HttpStatusCode.OK);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<EventService>().UpdateAsync(actor, created.Id,
                Input(campaign, unit, "甲状腺结节义诊（改到下午）", day.AddHours(14), day.AddHours(16)), created.Version);
        }

        using var changed = await ConditionalGetAsync(app, feed.Path, etag.Tag);
        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        changed.Headers.ETag!.Tag.ShouldNotBe(etag.Tag);
        (await changed.Content.ReadAsStringAsync()).ShouldContain("甲状腺结节义诊（改到下午）");

        using var changedAgain = await ConditionalGetAsync(app, feed.Path, changed.Headers.ETag.Tag);
        changedAgain.StatusCode.ShouldBe(HttpStatusCode.NotModified);
    }

    [Fact]
    public async Task A_revoked_feed_answers_404_even_to_its_old_etag()
    {
        var (actor, unit, _) = await SetUpAsync("淋巴瘤专委会");
        var feed = await CreateFeedAsync(actor.UserId, new CalendarFeedInput("unit", UnitId: unit));
        using var first = await CalendarApp().GetAsync(feed.Path);
        var etag = first.Headers.ETag!.Tag;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<CalendarFeedService>().RevokeAsync(actor.UserId, feed.Summary.Id)).ShouldBeTrue();
        }

        using var revoked = await ConditionalGetAsync(CalendarApp(), feed.Path, etag);

        revoked.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        revoked.Headers.ETag.ShouldBeNull();
    }

    private static Task<HttpResponseMessage> ConditionalGetAsync(HttpClient app, string path, string ifNoneMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        return app.SendAsync(request);
    }

    [Fact]
    public async Task A_my_duties_feed_lists_only_the_owners_shifts_from_the_last_90_days_on()
    {
        var (actor, unit, campaign) = await SetUpAsync("志愿服务专委会");
        var me = await factory.CreateUserAsync($"staff-{Guid.NewGuid():N}@test.campaignhub.local", Roles.Staff);
        var colleague = await factory.CreateUserAsync($"staff-{Guid.NewGuid():N}@test.campaignhub.local", Roles.Staff);
        await SetDisplayNameAsync(colleague, "王医生");
        var day = Today.AddDays(5);
        var clinic = await CreateEventAsync(actor, Input(campaign, unit, "社区义诊", day.AddHours(8), day.AddHours(12)));
        var mine = await AddDutyAsync(clinic.Id, me, DutyRole.Volunteer, day.AddHours(8), day.AddHours(10), "负责签到");
        await AddDutyAsync(clinic.Id, colleague, DutyRole.Expert, day.AddHours(8), day.AddHours(12));
        var notMine = await CreateEventAsync(actor, Input(campaign, unit, "专家讲座", day.AddHours(14), day.AddHours(16)));
        await AddDutyAsync(notMine.Id, colleague, DutyRole.Expert, day.AddHours(14), day.AddHours(16));
        var recent = await CreateEventAsync(actor, Input(campaign, unit, "一个月前的筛查", Today.AddDays(-30).AddHours(9), Today.AddDays(-30).AddHours(11)));
        var recentDuty = await AddDutyAsync(recent.Id, me, DutyRole.Nurse, Today.AddDays(-30).AddHours(9), Today.AddDays(-30).AddHours(11));
        var old = await CreateEventAsync(actor, Input(campaign, unit, "四个月前的筛查", Today.AddDays(-120).AddHours(9), Today.AddDays(-120).AddHours(11)));
        await AddDutyAsync(old.Id, me, DutyRole.Nurse, Today.AddDays(-120).AddHours(9), Today.AddDays(-120).AddHours(11));
        var feed = await CreateFeedAsync(me, new CalendarFeedInput("my_duties"));

        var calendar = await ReadAsync(feed.Path);

        CalendarName(calendar).ShouldBe("我的值班");
        calendar.Events.Select(e => e.Uid).ShouldBe([$"duty-{recentDuty}@campaignhub", $"duty-{mine}@campaignhub"]);
        var shift = calendar.Events.Single(e => e.Uid == $"duty-{mine}@campaignhub");
        shift.DtStart!.Value.ShouldBe(day.AddHours(8));
        shift.DtEnd!.Value.ShouldBe(day.AddHours(10));
        shift.DtStart.TzId.ShouldBe("Asia/Shanghai");
        shift.Summary.ShouldBe("社区义诊（值班：志愿者）");
        shift.Description!.ShouldStartWith($"您的值班：志愿者，{day:yyyy-MM-dd} 08:00–10:00\n备注：负责签到");
        // The whole roster of the event, so the volunteer knows who else is there.
        shift.Description!.ShouldContain($"王医生 · 专家 · {day:yyyy-MM-dd} 08:00–12:00");
    }

    [Fact]
    public async Task A_campaign_feed_lists_the_campaigns_events_only()
    {
        var (actor, unit, campaign) = await SetUpAsync("控烟专委会");
        var otherCampaign = await factory.AddCampaignAsync($"Other {Guid.NewGuid():N}", DateOnly.FromDateTime(Today.AddDays(-400)), DateOnly.FromDateTime(Today.AddDays(400)), unit);
        var day = Today.AddDays(7);
        var ours = await CreateEventAsync(actor, Input(campaign, unit, "戒烟门诊开放日", day.AddHours(9), day.AddHours(11), i =>
        {
            i.Channel = "online";
            i.Platform = "tencent_meeting";
        }));
        await CreateEventAsync(actor, Input(otherCampaign, unit, "另一项目的活动", day.AddHours(9), day.AddHours(11)));
        var feed = await CreateFeedAsync(actor.UserId, new CalendarFeedInput("campaign", CampaignId: campaign, Name: "控烟"));

        var calendar = await ReadAsync(feed.Path);

        CalendarName(calendar).ShouldStartWith("Campaign ");
        var item = calendar.Events.ShouldHaveSingleItem();
        item.Uid.ShouldBe($"event-{ours.Id}@campaignhub");
        item.Location.ShouldBe("线上 · 腾讯会议");
    }

    [Fact]
    public async Task Unknown_revoked_and_malformed_tokens_get_404_with_an_empty_body()
    {
        var (actor, unit, _) = await SetUpAsync("淋巴瘤专委会");
        var live = await CreateFeedAsync(actor.UserId, new CalendarFeedInput("unit", UnitId: unit));
        var revoked = await CreateFeedAsync(actor.UserId, new CalendarFeedInput("unit", UnitId: unit));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<CalendarFeedService>().RevokeAsync(actor.UserId, revoked.Summary.Id)).ShouldBeTrue();
        }

        var app = CalendarApp();
        var unknown = "cal_" + new string('A', 43);
        foreach (var path in new[]
                 {
                     $"/calendar/{unknown}.ics", revoked.Path, "/calendar/nonsense.ics", $"/calendar/{live.Token}x.ics",
                     $"/calendar/{live.Token[..^1]}!.ics", $"/calendar/{live.Token.ToUpperInvariant()}.ics", $"/calendar/x.{live.Token}.ics",
                 })
        {
            var response = await app.GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, path);
            (await response.Content.ReadAsByteArrayAsync()).ShouldBeEmpty(path);
        }

        (await app.GetAsync(live.Path)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_request_log_sees_only_the_start_of_a_feeds_token()
    {
        var (actor, unit, _) = await SetUpAsync("鼻咽癌专委会");
        var feed = await CreateFeedAsync(actor.UserId, new CalendarFeedInput("unit", UnitId: unit));
        var unknown = $"cal_{new string('B', 43)}";

        (await CalendarApp().GetAsync(feed.Path)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await CalendarApp().GetAsync($"/calendar/{unknown}.ics")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // The request log (console and file) names each feed request by the start of its token only.
        var log = await LogContainingAsync("/calendar/cal_BBBBBB….ics");
        log.ShouldContain($"/calendar/{feed.Summary.Prefix}….ics");
        log.ShouldNotContain(feed.Token);
        log.ShouldNotContain(unknown);
    }

    private async Task<string> LogContainingAsync(string text)
    {
        var log = factory.ReadLog();
        for (var i = 0; i < 50 && !log.Contains(text, StringComparison.Ordinal); i++)
        {
            await Task.Delay(100);
            log = factory.ReadLog();
        }

        log.ShouldContain(text);
        return log;
    }

    [Fact]
    public async Task The_feeds_of_a_user_an_admin_locked_stop_working()
    {
        var (_, unit, _) = await SetUpAsync("黑色素瘤专委会");
        var staff = await factory.CreateUserAsync($"staff-{Guid.NewGuid():N}@test.campaignhub.local", Roles.Staff);
        var feed = await CreateFeedAsync(staff, new CalendarFeedInput("unit", UnitId: unit));
        (await CalendarApp().GetAsync(feed.Path)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CampaignHub.Web.Features.Users.UserAdministrationService>()
                .SetLockedAsync(await factory.AdminActorAsync(), staff, locked: true);
        }

        var response = await CalendarApp().GetAsync(feed.Path);
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Reading_a_feed_records_when_it_was_last_read()
    {
        var (actor, unit, _) = await SetUpAsync("肝癌专委会");
        var feed = await CreateFeedAsync(actor.UserId, new CalendarFeedInput("unit", UnitId: unit));

        await ReadAsync(feed.Path);

        // Recorded after the answer (a busy database never holds up a calendar): give it a moment.
        await using var scope = factory.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<CalendarFeedService>();
        var listed = (await service.ListAsync(actor.UserId)).Single(f => f.Id == feed.Summary.Id);
        for (var wait = 0; listed.LastReadAt is null && wait < 50; wait++)
        {
            await Task.Delay(100);
            listed = (await service.ListAsync(actor.UserId)).Single(f => f.Id == feed.Summary.Id);
        }

        listed.LastReadAt.ShouldNotBeNull();
        listed.TargetName.ShouldBe(await UnitNameAsync(unit));
    }

    [Fact]
    public async Task Titles_and_places_with_line_breaks_commas_and_semicolons_are_escaped()
    {
        var (actor, unit, campaign) = await SetUpAsync("胃癌专委会");
        var day = Today.AddDays(2);
        const string title = "讲座, 第一场; 问答\r\n第二行 \\ 结束";
        await CreateEventAsync(actor, Input(campaign, unit, title, day.AddHours(9), day.AddHours(10), i => i.Location = "A楼; 3层, 报告厅"));
        var feed = await CreateFeedAsync(actor.UserId, new CalendarFeedInput("unit", UnitId: unit));

        var text = await CalendarApp().GetStringAsync(feed.Path);

        text.ShouldContain(@"SUMMARY:讲座\, 第一场\; 问答\n第二行 \\ 结束");
        text.ShouldContain(@"LOCATION:A楼\; 3层\, 报告厅");
        // Content lines end in CRLF, none longer than 75 octets (RFC 5545 3.1), so no bare CR or LF from the title.
        text.Replace("\r\n", "").ShouldNotContain('\r');
        text.Replace("\r\n", "").ShouldNotContain('\n');
        text.Split("\r\n").ShouldAllBe(line => Encoding.UTF8.GetByteCount(line) <= 75);
        var item = IcsCalendar.Load(text)!.Events.Single();
        item.Summary.ShouldBe("讲座, 第一场; 问答\n第二行 \\ 结束");
        item.Location.ShouldBe("A楼; 3层, 报告厅");
    }

    [Fact]
    public async Task Creating_a_feed_for_an_unknown_unit_or_campaign_names_the_field_and_saves_nothing()
    {
        var (actor, _, _) = await SetUpAsync("骨肿瘤专委会");
        await using var scope = factory.Services.CreateAsyncScope();
        var feeds = scope.ServiceProvider.GetRequiredService<CalendarFeedService>();

        var unit = await Should.ThrowAsync<DomainValidationException>(() => feeds.CreateAsync(actor.UserId, new CalendarFeedInput("unit", UnitId: 999_999)));
        var campaign = await Should.ThrowAsync<DomainValidationException>(() => feeds.CreateAsync(actor.UserId, new CalendarFeedInput("campaign")));
        var scopeError = await Should.ThrowAsync<DomainValidationException>(() => feeds.CreateAsync(actor.UserId, new CalendarFeedInput("everything", Name: new string('x', 101))));

        unit.Errors["unitId"].ShouldHaveSingleItem().ShouldContain("999999");
        campaign.Errors.Keys.ShouldBe(["campaignId"]);
        scopeError.Errors.Keys.Order().ShouldBe(["name", "scope"]);
        (await feeds.ListAsync(actor.UserId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_profile_page_creates_a_feed_whose_address_works_and_revokes_it()
    {
        var unit = await factory.AddUnitAsync($"头颈肿瘤专委会 {Guid.NewGuid():N}");
        var email = $"staff-{Guid.NewGuid():N}@test.campaignhub.local";
        await factory.CreateUserAsync(email, Roles.Staff);
        var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await SignIn.AsAsync(browser, email, TestData.Password);
        (await browser.GetStringAsync("/Account/Manage")).ShouldContain($"href=\"{Page.TrimStart('/')}\"");
        var empty = await browser.GetStringAsync(Page);
        empty.ShouldContain("data-testid=\"no-feeds\"");

        var invalid = await browser.PostAsync(Page, Form(empty, "create-feed", ("Input.Scope", "unit"), ("Input.UnitId", "")));
        var invalidPage = new HtmlParser().ParseDocument(await invalid.Content.ReadAsStringAsync());
        invalidPage.QuerySelector("[data-testid=error-unitId]")!.TextContent.ShouldNotBeNullOrWhiteSpace();
        invalidPage.QuerySelector("[data-testid=new-feed-url]").ShouldBeNull();
        invalidPage.QuerySelector("[data-testid=no-feeds]").ShouldNotBeNull();

        var created = await browser.PostAsync(Page, Form(empty, "create-feed",
            ("Input.Scope", "unit"), ("Input.UnitId", unit.ToString()), ("Input.Name", "值班手机 <b>")));
        created.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await created.Content.ReadAsStringAsync();
        html.ShouldNotContain("值班手机 <b>");
        var document = new HtmlParser().ParseDocument(html);
        var url = new Uri(document.QuerySelector("[data-testid=new-feed-url]")!.GetAttribute("value")!);
        url.AbsolutePath.ShouldStartWith("/calendar/cal_");
        url.AbsolutePath.ShouldEndWith(".ics");
        document.QuerySelector("[data-testid=new-feed-webcal]")!.GetAttribute("href").ShouldBe($"webcal://{url.Authority}{url.AbsolutePath}");
        document.QuerySelector("[data-testid=feed]")!.TextContent.ShouldContain("值班手机 <b>");

        var app = CalendarApp();
        var feed = await app.GetAsync(url.AbsolutePath);
        feed.StatusCode.ShouldBe(HttpStatusCode.OK);
        CalendarName(IcsCalendar.Load(await feed.Content.ReadAsStringAsync())!).ShouldBe(await UnitNameAsync(unit));

        // Shown once: the list does not show the address again.
        var listed = new HtmlParser().ParseDocument(await browser.GetStringAsync(Page));
        listed.DocumentElement.OuterHtml.ShouldNotContain(url.AbsolutePath);
        var id = listed.QuerySelector("[data-testid=feed]")!.GetAttribute("data-feed-id");
        var revoked = await browser.PostAsync(Page, Form(listed.DocumentElement.OuterHtml, $"revoke-feed-{id}"));
        revoked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.GetAsync(url.AbsolutePath)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var after = new HtmlParser().ParseDocument(await browser.GetStringAsync(Page));
        after.QuerySelector("[data-testid=feed]")!.GetAttribute("data-revoked").ShouldBe("true");
        after.QuerySelector("[data-testid=revoke-feed]").ShouldBeNull();
    }

    [Fact]
    public async Task One_user_cannot_revoke_another_users_feed()
    {
        var (actor, unit, _) = await SetUpAsync("神经肿瘤专委会");
        var feed = await CreateFeedAsync(actor.UserId, new CalendarFeedInput("unit", UnitId: unit));
        var email = $"other-{Guid.NewGuid():N}@test.campaignhub.local";
        await factory.CreateUserAsync(email, Roles.Admin);
        var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await SignIn.AsAsync(browser, email, TestData.Password);

        var response = await browser.PostAsync(Page, Form(await browser.GetStringAsync(Page), $"revoke-feed-{feed.Summary.Id}"));

        response.StatusCode.ShouldNotBe(HttpStatusCode.Redirect);
        (await CalendarApp().GetAsync(feed.Path)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_feeds_create_command_prints_a_working_path_as_its_last_line_and_refuses_bad_input()
    {
        var unit = await factory.AddUnitAsync($"乳腺癌专委会 CLI {Guid.NewGuid():N}");
        var campaign = await factory.AddCampaignAsync($"CLI {Guid.NewGuid():N}", new(2026, 1, 1), new(2026, 12, 31), unit);
        var email = $"cli-{Guid.NewGuid():N}@test.campaignhub.local";
        await factory.CreateUserAsync(email, Roles.Staff);
        var environment = new Dictionary<string, string>(factory.DatabaseEnvironment)
        {
            ["Admin__Email"] = CampaignHubAppFactory.AdminEmail,
            ["Admin__Password"] = CampaignHubAppFactory.AdminPassword,
        };

        var result = await AppProcess.RunAsync(environment, "feeds", "create", "--email", email, "--unit", unit.ToString(), "--name", "病房值班表");

        result.ExitCode.ShouldBe(0, result.Error);
        var path = result.Output.TrimEnd().Split('\n')[^1].Trim();
        path.ShouldStartWith("/calendar/cal_");
        var calendar = IcsCalendar.Load(await CalendarApp().GetStringAsync(path))!;
        CalendarName(calendar).ShouldBe(await UnitNameAsync(unit));

        var duties = await AppProcess.RunAsync(environment, "feeds", "create", "--email", email);
        duties.ExitCode.ShouldBe(0, duties.Error);
        (await CalendarApp().GetAsync(duties.Output.TrimEnd().Split('\n')[^1].Trim())).StatusCode.ShouldBe(HttpStatusCode.OK);

        var unknownUser = await AppProcess.RunAsync(environment, "feeds", "create", "--email", "nobody@example.org");
        unknownUser.ExitCode.ShouldBe(1);
        unknownUser.Error.ShouldContain("nobody@example.org");

        var both = await AppProcess.RunAsync(environment, "feeds", "create", "--email", email, "--unit", unit.ToString(), "--campaign", campaign.ToString());
        both.ExitCode.ShouldBe(2);
        both.Error.ShouldContain("not both");

        var unknownUnit = await AppProcess.RunAsync(environment, "feeds", "create", "--email", email, "--unit", "987654");
        unknownUnit.ExitCode.ShouldBe(1);
        unknownUnit.Error.ShouldContain("987654");

        var notANumber = await AppProcess.RunAsync(environment, "feeds", "create", "--email", email, "--campaign", "week");
        notANumber.ExitCode.ShouldBe(2);
        notANumber.Error.ShouldContain("--campaign");
    }

    private async Task<(Actor Admin, int Unit, int Campaign)> SetUpAsync(string unitName)
    {
        var unit = await factory.AddUnitAsync($"{unitName} {Guid.NewGuid():N}"[..(unitName.Length + 9)]);
        var campaign = await factory.AddCampaignAsync($"Campaign {Guid.NewGuid():N}", DateOnly.FromDateTime(Today.AddYears(-3)), DateOnly.FromDateTime(Today.AddYears(1)), unit);
        var admin = await factory.CreateUserAsync($"admin-{Guid.NewGuid():N}@test.campaignhub.local", Roles.Admin);
        return (await factory.ActorAsync(admin), unit, campaign);
    }

    private static EventInput Input(int campaign, int unit, string title, DateTime start, DateTime end, Action<EventInput>? change = null)
    {
        var input = new EventInput
        {
            CampaignId = campaign,
            UnitIds = [unit],
            Title = title,
            Kind = "free_clinic",
            Channel = "offline",
            Start = start,
            End = end,
        };
        change?.Invoke(input);
        return input;
    }

    private async Task<EventDetails> CreateEventAsync(Actor actor, EventInput input)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EventService>().CreateAsync(actor, input);
    }

    private async Task<CreatedCalendarFeed> CreateFeedAsync(string userId, CalendarFeedInput input)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CalendarFeedService>().CreateAsync(userId, input);
    }

    private async Task<IcsCalendar> ReadAsync(string path)
    {
        var response = await CalendarApp().GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return IcsCalendar.Load(await response.Content.ReadAsStringAsync())!;
    }

    private async Task<int> AddDutyAsync(int eventId, string userId, DutyRole role, DateTime start, DateTime end, string? note = null)
    {
        await using var db = await factory.DbAsync();
        var duty = new DutyAssignment { EventId = eventId, UserId = userId, Role = role, StartsAt = start, EndsAt = end, Note = note, CreatedAt = DateTime.UtcNow };
        db.DutyAssignments.Add(duty);
        await db.SaveChangesAsync();
        return duty.Id;
    }

    private async Task<int> AddVenueAsync(string organisation, string venue, string address)
    {
        await using var db = await factory.DbAsync();
        var host = new Organisation { Name = $"{organisation} {Guid.NewGuid():N}", Kind = OrganisationKind.Hospital };
        var place = new Venue { Name = venue, Address = address };
        host.Venues.Add(place);
        db.Organisations.Add(host);
        await db.SaveChangesAsync();
        return place.Id;
    }

    private async Task SetDisplayNameAsync(string userId, string name)
    {
        await using var db = await factory.DbAsync();
        var user = await db.Users.FindAsync(userId);
        user!.DisplayName = name;
        await db.SaveChangesAsync();
    }

    private async Task<string> UnitNameAsync(int id)
    {
        await using var db = await factory.DbAsync();
        return (await db.Units.FindAsync(id))!.Name;
    }

    /// <summary>Records each request's path as the outermost middleware sees it after the response.</summary>
    private static string? CalendarName(IcsCalendar calendar) => calendar.Properties["X-WR-CALNAME"]?.Value as string;

    private static FormUrlEncodedContent Form(string page, string handler, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))
            .Append(KeyValuePair.Create("__RequestVerificationToken", SignIn.AntiforgeryToken(page)))
            .Append(KeyValuePair.Create("_handler", handler)));
}
