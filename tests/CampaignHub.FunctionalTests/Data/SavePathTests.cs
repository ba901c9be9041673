using System.Security.Claims;
using System.Text.Json;
using CampaignHub.Testing;
using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignHub.FunctionalTests.Data;

/// <summary>
/// The save path: a write through any of the app's contexts, made by a service or by none, is stamped, versioned,
/// audited with the user of its scope and refused when a finalised report locks what it touches.
/// </summary>
public sealed class SavePathTests(EventRoleFixture data) : IClassFixture<EventRoleFixture>
{
    private const string ReportTitle = "五月义诊周工作总结";

    [Fact]
    public async Task A_write_through_a_plain_context_of_a_signed_in_scope_is_stamped_versioned_and_audited_with_that_user()
    {
        var before = DateTime.UtcNow.AddSeconds(-1);
        await using var scope = data.App.Services.CreateAsyncScope();
        // The pages' and the API's way in: resolving the signed-in user records them for the scope.
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, data.BreastCoordinatorId), new Claim(ClaimTypes.Email, data.BreastCoordinator.Email!),
                new Claim(ClaimTypes.Role, Roles.Coordinator),
            ], "test"));
        await scope.ServiceProvider.GetRequiredService<ActorResolver>().ResolveAsync(principal);
        var contexts = scope.ServiceProvider.GetRequiredService<IDbContextFactory<CampaignHubDbContext>>();

        int eventId;
        await using (var db = await contexts.CreateDbContextAsync())
        {
            var lecture = new CampaignEvent
            {
                CampaignId = data.Campaign, Title = "直接写入的讲座", Kind = EventKind.Lecture, Channel = EventChannel.Offline,
                StartsAt = new DateTime(2021, 4, 18, 9, 0, 0), EndsAt = new DateTime(2021, 4, 18, 11, 0, 0),
                Units = [new EventUnit { UnitId = data.Breast }],
            };
            db.Events.Add(lecture);
            await db.SaveChangesAsync();
            eventId = lecture.Id;
        }

        await using (var db = await contexts.CreateDbContextAsync())
        {
            (await db.Events.SingleAsync(e => e.Id == eventId)).Title = "直接写入的讲座（更正）";
            await db.SaveChangesAsync();
        }

        var afterUpdate = await StoredAsync(eventId);
        await using (var db = await contexts.CreateDbContextAsync())
        {
            db.DutyAssignments.Add(new DutyAssignment
            {
                EventId = eventId, UserId = data.BreastCoordinatorId, Role = DutyRole.Organiser,
                StartsAt = new DateTime(2021, 4, 18, 9, 0, 0), EndsAt = new DateTime(2021, 4, 18, 10, 0, 0),
            });
            await db.SaveChangesAsync();
        }

        var after = DateTime.UtcNow.AddSeconds(1);
        var stored = await StoredAsync(eventId);
        stored.CreatedById.ShouldBe(data.BreastCoordinatorId);
        stored.UpdatedById.ShouldBe(data.BreastCoordinatorId);
        stored.CreatedAt.ShouldBeInRange(before, after);
        stored.UpdatedAt.ShouldBeInRange(stored.CreatedAt, after);
        afterUpdate.Version.ShouldBe(2);
        afterUpdate.CalendarSequence.ShouldBe(1);
        // A duty changes the event's calendar entry but not its version: nobody editing the event gets a conflict.
        stored.Version.ShouldBe(2);
        stored.CalendarSequence.ShouldBe(2);

        await using var check = await data.App.DbAsync();
        var duty = await check.DutyAssignments.SingleAsync(d => d.EventId == eventId);
        duty.CreatedById.ShouldBe(data.BreastCoordinatorId);
        duty.CreatedAt.ShouldBeInRange(before, after);
        duty.Version.ShouldBe(1);

        var audit = await check.AuditEntries.AsNoTracking()
            .Where(a => (a.EntityType == nameof(CampaignEvent) && a.EntityId == eventId.ToString())
                        || (a.EntityType == nameof(EventUnit) && a.EntityId == $"{eventId}:{data.Breast}")
                        || (a.EntityType == nameof(DutyAssignment) && a.EntityId == duty.Id.ToString()))
            .OrderBy(a => a.Id).ToListAsync();
        audit.Select(a => (a.EntityType, a.Action)).ShouldBe(
        [
            (nameof(CampaignEvent), "create"), (nameof(EventUnit), "create"), (nameof(CampaignEvent), "update"),
            (nameof(DutyAssignment), "create"),
        ]);
        audit.ShouldAllBe(a => a.UserId == data.BreastCoordinatorId && a.UserEmail == data.BreastCoordinator.Email);
        audit.Where(a => a.EntityType == nameof(CampaignEvent)).ShouldAllBe(a => a.CampaignId == data.Campaign);
        audit.ShouldAllBe(a => a.At >= before && a.At <= after);
        var update = JsonDocument.Parse(audit[2].Changes).RootElement;
        update.GetProperty("Title").GetProperty("new").GetString().ShouldBe("直接写入的讲座（更正）");
        update.TryGetProperty(nameof(CampaignEvent.UpdatedAt), out _).ShouldBeTrue();
        var created = JsonDocument.Parse(audit[0].Changes).RootElement;
        created.GetProperty(nameof(CampaignEvent.CreatedById)).GetProperty("new").GetString().ShouldBe(data.BreastCoordinatorId);
        update.TryGetProperty(nameof(CampaignEvent.Version), out _).ShouldBeFalse();
        update.TryGetProperty(nameof(CampaignEvent.CalendarSequence), out _).ShouldBeFalse();
    }

    [Fact]
    public async Task Direct_writes_of_figures_photos_duties_and_events_in_a_locked_period_are_refused_whole()
    {
        var campaign = await data.App.AddCampaignAsync($"五月义诊周-{Guid.NewGuid():N}", new(2021, 5, 1), new(2021, 5, 10), data.Breast, data.Lung);
        int locked, open;
        long eventFigure, dayFigure;
        await using (var db = await data.App.DbAsync())
        {
            var metric = await db.MetricDefinitions.SingleAsync(m => m.Code == "patients_benefited");
            var reach = await db.MetricDefinitions.SingleAsync(m => m.Code == "reach_wechat");
            var inside = Clinic(campaign, new DateTime(2021, 5, 3, 9, 0, 0));
            inside.Figures.Add(new MetricValue { CampaignId = campaign, MetricDefinitionId = metric.Id, Date = new(2021, 5, 3), Value = 40 });
            var outside = Clinic(campaign, new DateTime(2021, 5, 8, 9, 0, 0));
            var day = new MetricValue { CampaignId = campaign, UnitId = data.Breast, MetricDefinitionId = reach.Id, Date = new(2021, 5, 3), Value = 900 };
            db.AddRange(inside, outside, day);
            await db.SaveChangesAsync();
            (locked, open, eventFigure, dayFigure) = (inside.Id, outside.Id, inside.Figures[0].Id, day.Id);
        }

        var report = await FinaliseAsync(campaign, new(2021, 5, 1), new(2021, 5, 5));
        await using var scope = data.App.ScopeFor(data.Admin);
        var contexts = scope.ServiceProvider.GetRequiredService<IDbContextFactory<CampaignHubDbContext>>();

        async Task RefusedAsync(string field, Func<CampaignHubDbContext, Task> change)
        {
            await using var db = await contexts.CreateDbContextAsync();
            await change(db);
            var refused = await Should.ThrowAsync<DomainValidationException>(() => db.SaveChangesAsync());
            refused.Errors.Keys.ShouldBe([field]);
            var message = refused.Errors[field].ShouldHaveSingleItem();
            message.ShouldContain(ReportTitle);
            message.ShouldContain("2021-05-01");
            message.ShouldContain("2021-05-05");
        }

        var reachId = await MetricIdAsync("reach_wechat");
        await RefusedAsync("date", db =>
        {
            db.MetricValues.Add(new MetricValue { CampaignId = campaign, UnitId = data.Breast, MetricDefinitionId = reachId, Date = new(2021, 5, 4), Value = 5 });
            return Task.CompletedTask;
        });
        await RefusedAsync("date", async db => (await db.MetricValues.SingleAsync(v => v.Id == dayFigure)).Value = 901);
        await RefusedAsync("start", async db => (await db.MetricValues.SingleAsync(v => v.Id == eventFigure)).Value = 41);
        await RefusedAsync("start", db =>
        {
            db.EventPhotos.Add(new EventPhoto { EventId = locked, FileName = "p.png", ContentType = "image/png", Length = 64, Content = EventRoleFixture.Png() });
            return Task.CompletedTask;
        });
        await RefusedAsync("start", db =>
        {
            db.DutyAssignments.Add(new DutyAssignment
            {
                EventId = locked, UserId = data.BreastCoordinatorId, Role = DutyRole.Nurse,
                StartsAt = new DateTime(2021, 5, 3, 9, 0, 0), EndsAt = new DateTime(2021, 5, 3, 10, 0, 0),
            });
            return Task.CompletedTask;
        });
        await RefusedAsync("start", db =>
        {
            db.Set<EventSpeaker>().Add(new EventSpeaker { EventId = locked, Name = "王医生" });
            return Task.CompletedTask;
        });
        // Into the locked period, or a unit link of a locked event: both sides of the change count.
        await RefusedAsync("start", async db => (await db.Events.SingleAsync(e => e.Id == open)).StartsAt = new DateTime(2021, 5, 4, 9, 0, 0));
        await RefusedAsync("start", db =>
        {
            db.EventUnits.Add(new EventUnit { EventId = locked, UnitId = data.Lung });
            return Task.CompletedTask;
        });
        // One locked change refuses the whole save, the open part with it.
        await RefusedAsync("start", async db =>
        {
            (await db.Events.SingleAsync(e => e.Id == open)).Title = "改期后的义诊";
            (await db.MetricValues.SingleAsync(v => v.Id == eventFigure)).Value = 42;
        });

        await using (var db = await data.App.DbAsync())
        {
            (await db.Events.SingleAsync(e => e.Id == open)).Title.ShouldBe("义诊");
            (await db.MetricValues.Where(v => v.CampaignId == campaign).Select(v => v.Value).ToListAsync()).ShouldBe([40m, 900m], ignoreOrder: true);
            (await db.EventPhotos.CountAsync(p => p.EventId == locked)).ShouldBe(0);
            (await db.DutyAssignments.CountAsync(d => d.EventId == locked)).ShouldBe(0);
            (await db.EventUnits.CountAsync(c => c.EventId == locked)).ShouldBe(1);
        }

        // Outside the period writes go through; the lock records themselves stay writable, and unlocking opens the period.
        await using (var db = await contexts.CreateDbContextAsync())
        {
            (await db.Events.SingleAsync(e => e.Id == open)).Title = "改期后的义诊";
            db.MetricValues.Add(new MetricValue { CampaignId = campaign, UnitId = data.Breast, MetricDefinitionId = reachId, Date = new(2021, 5, 8), Value = 7 });
            (await db.FinalisedReports.SingleAsync(r => r.Id == report)).UnlockedAt = DateTime.UtcNow;
            await db.SaveChangesAsync();
        }

        await using (var db = await contexts.CreateDbContextAsync())
        {
            (await db.MetricValues.SingleAsync(v => v.Id == eventFigure)).Value = 41;
            await db.SaveChangesAsync();
        }
    }

    [Fact]
    public async Task A_scope_acts_for_one_user()
    {
        await using var scope = data.App.ScopeFor(data.BreastCoordinator);

        Should.Throw<InvalidOperationException>(() => scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(data.Admin.AuditActor));
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Actor!.UserId.ShouldBe(data.BreastCoordinator.UserId);
    }

    private CampaignEvent Clinic(int campaign, DateTime start) => new()
    {
        CampaignId = campaign, Title = "义诊", Kind = EventKind.FreeClinic, Channel = EventChannel.Offline,
        StartsAt = start, EndsAt = start.AddHours(2), Units = [new EventUnit { UnitId = data.Breast }],
    };

    private async Task<int> FinaliseAsync(int campaign, DateOnly from, DateOnly to)
    {
        await using var db = await data.App.DbAsync();
        var report = new FinalisedReport
        {
            CampaignId = campaign, From = from, To = to, Language = "zh-CN", Title = ReportTitle, FinalisedAt = DateTime.UtcNow,
            FinalisedById = data.Admin.UserId, Pdf = [0x25, 0x50, 0x44, 0x46], Snapshot = "{}",
        };
        db.FinalisedReports.Add(report);
        await db.SaveChangesAsync();
        return report.Id;
    }

    private async Task<int> MetricIdAsync(string code)
    {
        await using var db = await data.App.DbAsync();
        return await db.MetricDefinitions.Where(m => m.Code == code).Select(m => m.Id).SingleAsync();
    }

    private async Task<CampaignEvent> StoredAsync(int eventId)
    {
        await using var db = await data.App.DbAsync();
        return await db.Events.AsNoTracking().SingleAsync(e => e.Id == eventId);
    }
}
