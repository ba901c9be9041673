using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CampaignHub.Testing;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Common;
using CampaignHub.Web.Features.Duties;
using CampaignHub.Web.Features.Events;
using CampaignHub.Web.Features.Figures;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignHub.FunctionalTests.Features.Reports.Locks;

/// <summary>
/// A finalised report locks the events and figures of its campaign and period (of its unit, for a unit's
/// report) on every write path, for admins too, until it is unlocked. Each test builds its own campaign.
/// </summary>
public sealed class ReportLockTests(CampaignHubAppFactory factory) : IClassFixture<CampaignHubAppFactory>
{
    private const string ReportTitle = "第27届全国肿瘤防治宣传周工作总结";
    private static readonly DateOnly LockFrom = new(2021, 4, 15);
    private static readonly DateOnly LockTo = new(2021, 4, 21);

    private sealed record World(int Breast, int Lung, int Campaign, Actor Admin, Actor BreastCoordinator, Actor LungCoordinator, string AdminId);

    /// <summary>A campaign longer than the locked week, so there are days before and after it.</summary>
    private async Task<World> WorldAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var breast = await factory.AddUnitAsync($"乳腺癌专委会-{suffix}");
        var lung = await factory.AddUnitAsync($"肺癌专委会-{suffix}");
        var campaign = await factory.AddCampaignAsync($"宣传周-{suffix}", new(2021, 4, 10), new(2021, 4, 30), breast, lung);
        var adminId = await factory.CreateUserAsync($"admin-{suffix}@test.local", Roles.Admin);
        return new World(breast, lung, campaign,
            await factory.ActorAsync(adminId),
            await factory.ActorAsync(await factory.CreateUserAsync($"breast-{suffix}@test.local", Roles.Coordinator, breast)),
            await factory.ActorAsync(await factory.CreateUserAsync($"lung-{suffix}@test.local", Roles.Coordinator, lung)),
            adminId);
    }

    private async Task<int> FinaliseAsync(World world, int? unit = null, DateOnly? from = null)
    {
        await using var db = await factory.DbAsync();
        var report = new FinalisedReport
        {
            CampaignId = world.Campaign,
            UnitId = unit,
            From = from ?? LockFrom,
            To = LockTo,
            Language = "zh-CN",
            Title = ReportTitle,
            FinalisedAt = DateTime.UtcNow,
            FinalisedById = world.AdminId,
            Pdf = [0x25, 0x50, 0x44, 0x46],
            Snapshot = "{}",
        };
        db.FinalisedReports.Add(report);
        await db.SaveChangesAsync();
        return report.Id;
    }

    private async Task UnlockAsync(int reportId)
    {
        await using var db = await factory.DbAsync();
        var report = await db.FinalisedReports.SingleAsync(r => r.Id == reportId);
        report.UnlockedAt = DateTime.UtcNow;
        report.UnlockReason = "更正数据";
        await db.SaveChangesAsync();
    }

    private async Task<T> EventsAsync<T>(Func<EventService, Task<T>> use)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<EventService>());
    }

    private async Task EventsAsync(Func<EventService, Task> use)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await use(scope.ServiceProvider.GetRequiredService<EventService>());
    }

    private async Task<T> FiguresAsync<T>(Func<CampaignFigureService, Task<T>> use)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<CampaignFigureService>());
    }

    private async Task FiguresAsync(Func<CampaignFigureService, Task> use)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await use(scope.ServiceProvider.GetRequiredService<CampaignFigureService>());
    }

    private async Task<T> DutiesAsync<T>(Func<DutyService, Task<T>> use)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<DutyService>());
    }

    private async Task DutiesAsync(Func<DutyService, Task> use)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await use(scope.ServiceProvider.GetRequiredService<DutyService>());
    }

    private static EventInput Lecture(World world, DateTime start, params int[] units) => new()
    {
        CampaignId = world.Campaign,
        UnitIds = units.ToList(),
        Title = "乳腺癌科普讲座",
        Kind = "lecture",
        Channel = "offline",
        Start = start,
        End = start.AddHours(2),
        Status = "held",
        Figures = new Dictionary<string, decimal> { ["public_benefited"] = 80 },
    };

    private static CampaignFigureInput Reach(int unit, DateOnly day, decimal value, long? version = null) => new()
    {
        UnitId = unit,
        Date = day,
        Figures = new Dictionary<string, decimal> { ["reach_wechat"] = value },
        Versions = version is { } v ? new Dictionary<string, long> { ["reach_wechat"] = v } : null,
    };

    /// <summary>The write is refused with a message on the field that names the report and its period.</summary>
    private static async Task RefusedAsync(string field, Func<Task> write)
    {
        var refused = await Should.ThrowAsync<DomainValidationException>(write);
        refused.Errors.Keys.ShouldBe([field]);
        var message = refused.Errors[field].ShouldHaveSingleItem();
        message.ShouldContain(ReportTitle);
        message.ShouldContain("2021-04-15");
        message.ShouldContain("2021-04-21");
    }

    [Theory]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.Coordinator)]
    public async Task Every_write_of_a_locked_event_or_figure_is_refused_and_allowed_again_after_unlocking(string role)
    {
        var world = await WorldAsync();
        var actor = role == Roles.Admin ? world.Admin : world.BreastCoordinator;
        var lecture = await EventsAsync(s => s.CreateAsync(actor, Lecture(world, new DateTime(2021, 4, 16, 9, 0, 0), world.Breast)));
        var photo = await EventsAsync(s => s.AddPhotoAsync(actor, lecture.Id, "p.png", new MemoryStream(EventRoleFixture.Png())));
        var reach = (await FiguresAsync(s => s.SaveAsync(actor, world.Campaign, Reach(world.Breast, new(2021, 4, 16), 100)))).Single();
        var report = await FinaliseAsync(world);

        await RefusedAsync("start", () => EventsAsync(s => s.CreateAsync(actor, Lecture(world, new DateTime(2021, 4, 17, 9, 0, 0), world.Breast))));
        await RefusedAsync("start", () => EventsAsync(s => s.UpdateAsync(actor, lecture.Id, Lecture(world, new DateTime(2021, 4, 16, 9, 0, 0), world.Breast), lecture.Version)));
        await RefusedAsync("start", () => EventsAsync(s => s.SaveFiguresAsync(actor, lecture.Id, new Dictionary<string, decimal> { ["public_benefited"] = 90 }, lecture.Version)));
        await RefusedAsync("start", () => EventsAsync(s => s.AddPhotoAsync(actor, lecture.Id, "q.png", new MemoryStream(EventRoleFixture.Png()))));
        await RefusedAsync("start", () => EventsAsync(s => s.DeletePhotoAsync(actor, lecture.Id, photo.Id)));
        await RefusedAsync("start", () => EventsAsync(s => s.DeleteAsync(actor, lecture.Id, lecture.Version)));
        await RefusedAsync("date", () => FiguresAsync(s => s.SaveAsync(actor, world.Campaign, Reach(world.Breast, new(2021, 4, 16), 200, reach.Version))));
        await RefusedAsync("date", () => FiguresAsync(s => s.SaveAsync(actor, world.Campaign, Reach(world.Breast, new(2021, 4, 21), 5))));
        await RefusedAsync("date", () => FiguresAsync(s => s.DeleteAsync(actor, world.Campaign, reach.Id, reach.Version)));

        // Nothing changed.
        var stored = await EventsAsync(s => s.GetAsync(lecture.Id));
        stored.ShouldNotBeNull();
        stored.Version.ShouldBe(lecture.Version);
        stored.Figures["public_benefited"].ShouldBe(80);
        stored.Photos.Select(p => p.Id).ShouldBe([photo.Id]);
        await using (var db = await factory.DbAsync())
        {
            (await db.Events.CountAsync(e => e.CampaignId == world.Campaign)).ShouldBe(1);
            (await db.MetricValues.Where(v => v.CampaignId == world.Campaign && v.EventId == null).Select(v => v.Value).ToListAsync()).ShouldBe([100m]);
        }

        await UnlockAsync(report);

        var renamed = Lecture(world, new DateTime(2021, 4, 16, 9, 0, 0), world.Breast);
        renamed.Title = "乳腺癌科普讲座（更正）";
        var updated = await EventsAsync(s => s.UpdateAsync(actor, lecture.Id, renamed, lecture.Version));
        updated.Title.ShouldBe("乳腺癌科普讲座（更正）");
        updated = await EventsAsync(s => s.SaveFiguresAsync(actor, lecture.Id, new Dictionary<string, decimal> { ["public_benefited"] = 90 }, updated.Version));
        updated.Figures["public_benefited"].ShouldBe(90);
        await EventsAsync(s => s.AddPhotoAsync(actor, lecture.Id, "q.png", new MemoryStream(EventRoleFixture.Png())));
        await EventsAsync(s => s.DeletePhotoAsync(actor, lecture.Id, photo.Id));
        await EventsAsync(s => s.CreateAsync(actor, Lecture(world, new DateTime(2021, 4, 17, 9, 0, 0), world.Breast)));
        var corrected = await FiguresAsync(s => s.SaveAsync(actor, world.Campaign, Reach(world.Breast, new(2021, 4, 16), 200, reach.Version)));
        corrected.Single().Value.ShouldBe(200);
        await FiguresAsync(s => s.DeleteAsync(actor, world.Campaign, reach.Id, corrected.Single().Version));
        await EventsAsync(s => s.DeleteAsync(actor, lecture.Id, null));
    }

    [Fact]
    public async Task The_duty_roster_of_a_locked_event_cannot_be_changed_until_the_report_is_unlocked()
    {
        var world = await WorldAsync();
        var nurse = await factory.CreateUserAsync($"nurse-{Guid.NewGuid():N}@test.local", Roles.Staff);
        var lecture = await EventsAsync(s => s.CreateAsync(world.Admin, Lecture(world, new DateTime(2021, 4, 16, 9, 0, 0), world.Breast)));
        DutyInput Shift(string role) => new() { UserId = nurse, Role = role, Start = new DateTime(2021, 4, 16, 9, 0, 0), End = new DateTime(2021, 4, 16, 11, 0, 0) };
        var duty = await DutiesAsync(s => s.AssignAsync(world.BreastCoordinator, lecture.Id, Shift("nurse")));
        var report = await FinaliseAsync(world);

        await RefusedAsync("start", () => DutiesAsync(s => s.AssignAsync(world.Admin, lecture.Id, Shift("volunteer"))));
        await RefusedAsync("start", () => DutiesAsync(s => s.UpdateAsync(world.BreastCoordinator, duty.Id, Shift("expert"), duty.Version)));
        await RefusedAsync("start", () => DutiesAsync(s => s.RemoveAsync(world.Admin, duty.Id, duty.Version)));
        (await DutiesAsync(s => s.ListAsync(lecture.Id))).Select(d => (d.Id, d.Role)).ShouldBe([(duty.Id, DutyRole.Nurse)]);

        await UnlockAsync(report);
        (await DutiesAsync(s => s.UpdateAsync(world.BreastCoordinator, duty.Id, Shift("expert"), duty.Version))).Role.ShouldBe(DutyRole.Expert);
    }

    [Fact]
    public async Task An_event_cannot_be_moved_into_or_out_of_a_locked_period_but_writes_outside_it_are_allowed()
    {
        var world = await WorldAsync();
        var before = await EventsAsync(s => s.CreateAsync(world.Admin, Lecture(world, new DateTime(2021, 4, 14, 20, 0, 0), world.Breast)));
        var inside = await EventsAsync(s => s.CreateAsync(world.Admin, Lecture(world, new DateTime(2021, 4, 21, 20, 0, 0), world.Breast)));
        var after = await EventsAsync(s => s.CreateAsync(world.Admin, Lecture(world, new DateTime(2021, 4, 22, 8, 0, 0), world.Breast)));
        await FinaliseAsync(world);

        await RefusedAsync("start", () => EventsAsync(s => s.UpdateAsync(world.Admin, before.Id, Lecture(world, new DateTime(2021, 4, 15, 8, 0, 0), world.Breast), before.Version)));
        await RefusedAsync("start", () => EventsAsync(s => s.UpdateAsync(world.Admin, inside.Id, Lecture(world, new DateTime(2021, 4, 22, 8, 0, 0), world.Breast), inside.Version)));

        // The days either side of the locked week stay open.
        var moved = await EventsAsync(s => s.UpdateAsync(world.Admin, after.Id, Lecture(world, new DateTime(2021, 4, 23, 8, 0, 0), world.Breast), after.Version));
        moved.Start.ShouldBe(new DateTime(2021, 4, 23, 8, 0, 0));
        await EventsAsync(s => s.SaveFiguresAsync(world.BreastCoordinator, before.Id, new Dictionary<string, decimal> { ["public_benefited"] = 5 }, before.Version));
        await EventsAsync(s => s.CreateAsync(world.BreastCoordinator, Lecture(world, new DateTime(2021, 4, 14, 9, 0, 0), world.Breast)));
        await FiguresAsync(s => s.SaveAsync(world.BreastCoordinator, world.Campaign, Reach(world.Breast, new(2021, 4, 22), 7)));
    }

    [Fact]
    public async Task A_unit_report_locks_only_that_units_events_and_figures_and_joint_events_with_it()
    {
        var world = await WorldAsync();
        var breastEvent = await EventsAsync(s => s.CreateAsync(world.Admin, Lecture(world, new DateTime(2021, 4, 16, 9, 0, 0), world.Breast)));
        var lungEvent = await EventsAsync(s => s.CreateAsync(world.Admin, Lecture(world, new DateTime(2021, 4, 16, 9, 0, 0), world.Lung)));
        var joint = await EventsAsync(s => s.CreateAsync(world.Admin, Lecture(world, new DateTime(2021, 4, 17, 9, 0, 0), world.Breast, world.Lung)));
        await FinaliseAsync(world, unit: world.Breast);

        await RefusedAsync("start", () => EventsAsync(s => s.SaveFiguresAsync(world.BreastCoordinator, breastEvent.Id, new Dictionary<string, decimal> { ["public_benefited"] = 1 }, breastEvent.Version)));
        // The lung coordinator may write the joint event, but the breast unit's report locks it.
        await RefusedAsync("start", () => EventsAsync(s => s.SaveFiguresAsync(world.LungCoordinator, joint.Id, new Dictionary<string, decimal> { ["public_benefited"] = 1 }, joint.Version)));
        await RefusedAsync("start", () => EventsAsync(s => s.CreateAsync(world.LungCoordinator, Lecture(world, new DateTime(2021, 4, 18, 9, 0, 0), world.Lung, world.Breast))));
        await RefusedAsync("date", () => FiguresAsync(s => s.SaveAsync(world.Admin, world.Campaign, Reach(world.Breast, new(2021, 4, 18), 10))));

        var lung = await EventsAsync(s => s.SaveFiguresAsync(world.LungCoordinator, lungEvent.Id, new Dictionary<string, decimal> { ["public_benefited"] = 3 }, lungEvent.Version));
        lung.Figures["public_benefited"].ShouldBe(3);
        await EventsAsync(s => s.CreateAsync(world.LungCoordinator, Lecture(world, new DateTime(2021, 4, 18, 9, 0, 0), world.Lung)));
        (await FiguresAsync(s => s.SaveAsync(world.Admin, world.Campaign, Reach(world.Lung, new(2021, 4, 18), 10)))).Single().Value.ShouldBe(10);
    }

    [Fact]
    public async Task The_api_answers_a_locked_write_with_a_400_naming_the_report()
    {
        var world = await WorldAsync();
        var (_, client) = await factory.ApiUserAsync(Roles.Admin);
        var lecture = await EventsAsync(s => s.CreateAsync(world.Admin, Lecture(world, new DateTime(2021, 4, 16, 9, 0, 0), world.Breast)));
        await FinaliseAsync(world);

        var body = Lecture(world, new DateTime(2021, 4, 16, 9, 0, 0), world.Breast);
        body.Version = lecture.Version;
        var update = await client.PutAsJsonAsync($"/api/events/{lecture.Id}", body);
        var delete = await client.DeleteAsync($"/api/events/{lecture.Id}");
        var figures = await client.PostAsJsonAsync($"/api/campaigns/{world.Campaign}/figures",
            new { unitId = world.Breast, date = "2021-04-19", figures = new Dictionary<string, decimal> { ["reach_tv"] = 2010 } });

        foreach (var (response, field) in new[] { (update, "start"), (delete, "start"), (figures, "date") })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            problem.GetProperty("errors").GetProperty(field)[0].GetString()!.ShouldContain(ReportTitle);
        }

        (await client.GetAsync($"/api/events/{lecture.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_import_with_rows_in_a_locked_period_lists_those_rows_and_saves_nothing()
    {
        var world = await WorldAsync();
        string breastName;
        await using (var db = await factory.DbAsync())
        {
            breastName = (await db.Units.SingleAsync(c => c.Id == world.Breast)).Name;
        }

        var (_, client) = await factory.ApiUserAsync(Roles.Coordinator, world.Breast);
        var report = await FinaliseAsync(world);
        var csv = "title,kind,channel,start,end,units,patients_benefited\n"
                  + $"社区义诊,free_clinic,offline,2021-04-22 09:00,2021-04-22 11:00,{breastName},30\n"
                  + $"科普讲座,lecture,online,2021-04-18 19:00,2021-04-18 20:00,{breastName},\n"
                  + $"患者交流,patient_exchange,offline,2021-04-21 23:30,2021-04-22 00:30,{breastName},12\n";

        var refused = await client.PostAsync($"/api/campaigns/{world.Campaign}/events/import", Csv(csv));

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).ShouldBe(["row 3: start", "row 4: start"], ignoreOrder: true);
        errors.GetProperty("row 3: start")[0].GetString()!.ShouldContain(ReportTitle);
        await using (var db = await factory.DbAsync())
        {
            (await db.Events.CountAsync(e => e.CampaignId == world.Campaign)).ShouldBe(0);
        }

        await UnlockAsync(report);
        var imported = await client.PostAsync($"/api/campaigns/{world.Campaign}/events/import", Csv(csv));
        imported.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await imported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("imported").GetInt32().ShouldBe(3);
    }

    [Fact]
    public async Task The_event_page_and_the_figures_page_show_a_locked_event_or_day_read_only_with_the_reports_name()
    {
        var world = await WorldAsync();
        var locked = await EventsAsync(s => s.CreateAsync(world.Admin, Lecture(world, new DateTime(2021, 4, 16, 9, 0, 0), world.Breast)));
        var open = await EventsAsync(s => s.CreateAsync(world.Admin, Lecture(world, new DateTime(2021, 4, 25, 9, 0, 0), world.Breast)));
        var email = $"breast-page-{Guid.NewGuid():N}@test.local";
        await factory.CreateUserAsync(email, Roles.Coordinator, world.Breast);
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await SignIn.AsAsync(client, email, TestData.Password);
        // The figures form opens on the coordinator's one unit and the campaign's first day.
        var figuresBefore = await client.GetStringAsync($"/campaigns/{world.Campaign}/figures");
        figuresBefore.ShouldContain("data-testid=\"figures-save\"");
        figuresBefore.ShouldNotContain("data-testid=\"campaign-figures-locked\"");
        await FinaliseAsync(world, from: new DateOnly(2021, 4, 10));

        var lockedPage = await client.GetStringAsync($"/events/{locked.Id}");
        lockedPage.ShouldContain("data-testid=\"event-locked\"");
        lockedPage.ShouldContain(ReportTitle);
        lockedPage.ShouldNotContain("data-testid=\"event-save\"");
        lockedPage.ShouldNotContain("data-testid=\"event-delete\"");
        lockedPage.ShouldNotContain("data-testid=\"roster-form-title\"");
        var openPage = await client.GetStringAsync($"/events/{open.Id}");
        openPage.ShouldNotContain("data-testid=\"event-locked\"");
        openPage.ShouldContain("data-testid=\"event-save\"");
        openPage.ShouldContain("data-testid=\"roster-form-title\"");

        var figures = await client.GetStringAsync($"/campaigns/{world.Campaign}/figures");
        figures.ShouldContain("data-testid=\"campaign-figures-locked\"");
        figures.ShouldContain("2021-04-10");
        figures.ShouldNotContain("data-testid=\"figures-save\"");
    }

    private static MultipartFormDataContent Csv(string text)
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent { { file, "file", "events.csv" } };
    }
}
