using System.Text.Json;
using CampaignHub.Testing;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Association;
using CampaignHub.Web.Features.Common;
using CampaignHub.Web.Features.Duties;
using CampaignHub.Web.Features.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignHub.FunctionalTests.Features.Duties;

/// <summary>
/// Duty rosters through the service the UI and the API share, with a real user per role: who may change a roster,
/// what a bad assignment is told, the overlap warning, conflicts, the calendar sequence, the audit and "my duties".
/// </summary>
public sealed class DutyRosterTests(EventRoleFixture data) : IClassFixture<EventRoleFixture>
{
    private static readonly DateTime Nine = new(2021, 4, 16, 9, 0, 0);
    private static readonly DateTime Eleven = new(2021, 4, 16, 11, 0, 0);

    private async Task<T> DutiesAsync<T>(Func<DutyService, Task<T>> use)
    {
        await using var scope = data.App.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<DutyService>());
    }

    private async Task DutiesAsync(Func<DutyService, Task> use)
    {
        await using var scope = data.App.Services.CreateAsyncScope();
        await use(scope.ServiceProvider.GetRequiredService<DutyService>());
    }

    /// <summary>A free clinic of the given units (the breast-cancer one by default) at the given time.</summary>
    private Task<EventDetails> EventAsync(DateTime start, DateTime end, string title = "乳腺癌义诊", params int[] units)
    {
        var input = data.FreeClinic(units);
        input.Title = title;
        input.Start = start;
        input.End = end;
        return data.WithAsync(s => s.CreateAsync(data.Admin, input));
    }

    /// <summary>A hospital staff member with a display name, the kind of person put on duty.</summary>
    private async Task<string> PersonAsync(string name)
    {
        var id = await data.App.CreateUserAsync($"person-{Guid.NewGuid():N}@test.local", Roles.Staff);
        await using var db = await data.App.DbAsync();
        await db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(s => s.SetProperty(u => u.DisplayName, name));
        return id;
    }

    private static DutyInput Shift(string userId, string role, DateTime start, DateTime end, string? note = null) =>
        new() { UserId = userId, Role = role, Start = start, End = end, Note = note };

    private async Task<(int Sequence, long Version, int Duties)> StateAsync(int eventId)
    {
        await using var db = await data.App.DbAsync();
        var state = await db.Events.AsNoTracking().Where(e => e.Id == eventId)
            .Select(e => new { e.CalendarSequence, e.Version, Duties = e.Duties.Count }).SingleAsync();
        return (state.CalendarSequence, state.Version, state.Duties);
    }

    [Fact]
    public async Task Admins_and_the_coordinator_of_the_events_unit_assign_change_and_remove()
    {
        var clinic = await EventAsync(Nine, Eleven);
        var nurse = await PersonAsync("李护士");
        var expert = await PersonAsync("王医生");

        foreach (var actor in new[] { data.Admin, data.BreastCoordinator })
        {
            var saved = await DutiesAsync(s => s.AssignAsync(actor, clinic.Id, Shift(nurse, "nurse", Nine, Eleven.AddHours(-1), "分诊台")));
            saved.UserName.ShouldBe("李护士");
            saved.Role.ShouldBe(DutyRole.Nurse);
            saved.Start.ShouldBe(Nine);
            saved.End.ShouldBe(Eleven.AddHours(-1));
            saved.Note.ShouldBe("分诊台");
            saved.Warnings.ShouldBeEmpty();

            var changed = await DutiesAsync(s => s.UpdateAsync(actor, saved.Id, Shift(expert, "expert", Nine.AddMinutes(30), Eleven), saved.Version));
            changed.UserName.ShouldBe("王医生");
            changed.Role.ShouldBe(DutyRole.Expert);
            changed.Start.ShouldBe(Nine.AddMinutes(30));
            changed.Version.ShouldBe(saved.Version + 1);
            (await DutiesAsync(s => s.ListAsync(clinic.Id))).ShouldHaveSingleItem().UserId.ShouldBe(expert);

            await DutiesAsync(s => s.RemoveAsync(actor, changed.Id, changed.Version));
            (await DutiesAsync(s => s.ListAsync(clinic.Id))).ShouldBeEmpty();
        }
    }

    [Fact]
    public async Task A_coordinator_of_another_unit_and_staff_may_not_change_a_roster_and_nothing_changes()
    {
        var clinic = await EventAsync(Nine, Eleven);
        var nurse = await PersonAsync("李护士");
        var existing = await DutiesAsync(s => s.AssignAsync(data.Admin, clinic.Id, Shift(nurse, "nurse", Nine, Eleven)));
        var before = await StateAsync(clinic.Id);

        foreach (var actor in new[] { data.LungCoordinator, data.Staff })
        {
            await Should.ThrowAsync<ForbiddenException>(() => DutiesAsync(s => s.AssignAsync(actor, clinic.Id, Shift(nurse, "volunteer", Nine, Eleven))));
            await Should.ThrowAsync<ForbiddenException>(() => DutiesAsync(s => s.UpdateAsync(actor, existing.Id, Shift(nurse, "media", Nine, Eleven), existing.Version)));
            await Should.ThrowAsync<ForbiddenException>(() => DutiesAsync(s => s.RemoveAsync(actor, existing.Id, existing.Version)));
        }

        (await DutiesAsync(s => s.ListAsync(clinic.Id))).ShouldHaveSingleItem().Role.ShouldBe(DutyRole.Nurse);
        (await StateAsync(clinic.Id)).ShouldBe(before);
        // Staff read the roster all the same; only writing is refused.
        (await DutiesAsync(s => s.GetRosterAsync(clinic.Id))).Duties.ShouldHaveSingleItem().UserName.ShouldBe("李护士");
        await Should.ThrowAsync<ForbiddenException>(() => DutiesAsync(s => s.SearchPeopleAsync(data.Staff, "李")));
    }

    [Fact]
    public async Task On_a_joint_event_a_coordinator_of_any_of_its_units_may_staff_it()
    {
        var joint = await EventAsync(Nine, Eleven, "乳腺癌与肺癌联合义诊", data.Breast, data.Lung);
        var nurse = await PersonAsync("李护士");

        var byLung = await DutiesAsync(s => s.AssignAsync(data.LungCoordinator, joint.Id, Shift(nurse, "nurse", Nine, Eleven)));
        var byBreast = await DutiesAsync(s => s.UpdateAsync(data.BreastCoordinator, byLung.Id, Shift(nurse, "organiser", Nine, Eleven), byLung.Version));

        byBreast.Role.ShouldBe(DutyRole.Organiser);
        await Should.ThrowAsync<ForbiddenException>(() => DutiesAsync(s => s.RemoveAsync(data.Staff, byBreast.Id, byBreast.Version)));
    }

    [Fact]
    public async Task A_shift_outside_the_event_is_refused_naming_start_and_end_with_the_events_time_and_nothing_is_saved()
    {
        var clinic = await EventAsync(Nine, Eleven);
        var nurse = await PersonAsync("李护士");
        var before = await StateAsync(clinic.Id);

        var refused = await Should.ThrowAsync<DomainValidationException>(() =>
            DutiesAsync(s => s.AssignAsync(data.Admin, clinic.Id, Shift(nurse, "nurse", Nine.AddHours(-1), Eleven.AddHours(1)))));

        refused.Errors["start"].ShouldHaveSingleItem().ShouldContain("2021-04-16 09:00–11:00");
        refused.Errors["end"].ShouldHaveSingleItem().ShouldContain("2021-04-16 09:00–11:00");
        refused.Errors.Keys.ShouldBe(["start", "end"], ignoreOrder: true);
        (await StateAsync(clinic.Id)).ShouldBe(before);

        // A shift that ends before it starts, or starts after the event is over, is told so too.
        var backwards = await Should.ThrowAsync<DomainValidationException>(() =>
            DutiesAsync(s => s.AssignAsync(data.Admin, clinic.Id, Shift(nurse, "nurse", Eleven.AddHours(-1), Nine))));
        backwards.Errors.Keys.ShouldBe(["end"]);
        var after = await Should.ThrowAsync<DomainValidationException>(() =>
            DutiesAsync(s => s.AssignAsync(data.Admin, clinic.Id, Shift(nurse, "nurse", Eleven, Eleven.AddHours(1)))));
        after.Errors.Keys.ShouldBe(["start", "end"], ignoreOrder: true);
        (await StateAsync(clinic.Id)).ShouldBe(before);
    }

    [Fact]
    public async Task Every_problem_is_reported_at_once_by_field()
    {
        var clinic = await EventAsync(Nine, Eleven);

        var refused = await Should.ThrowAsync<DomainValidationException>(() => DutiesAsync(s => s.AssignAsync(data.Admin, clinic.Id,
            new DutyInput { UserId = "no-such-user", Role = "surgeon", Note = new string('x', DutyService.NoteMaxLength + 1) })));

        refused.Errors.Keys.ShouldBe(["userId", "role", "start", "end", "note"], ignoreOrder: true);
        refused.Errors["userId"][0].ShouldContain("no-such-user");
        refused.Errors["role"][0].ShouldContain("surgeon");
        foreach (var code in Codes<DutyRole>.All)
        {
            refused.Errors["role"][0].ShouldContain(code);
        }

        var byEmail = await Should.ThrowAsync<DomainValidationException>(() => DutiesAsync(s => s.AssignAsync(data.Admin, clinic.Id,
            new DutyInput { UserEmail = "nobody@test.local", Role = "nurse", Start = Nine, End = Eleven })));
        byEmail.Errors.Keys.ShouldBe(["userEmail"]);
        byEmail.Errors["userEmail"][0].ShouldContain("nobody@test.local");

        var nobody = await Should.ThrowAsync<DomainValidationException>(() => DutiesAsync(s => s.AssignAsync(data.Admin, clinic.Id,
            new DutyInput { Role = "nurse", Start = Nine, End = Eleven })));
        nobody.Errors.Keys.ShouldBe(["userId"]);
        (await StateAsync(clinic.Id)).Duties.ShouldBe(0);

        await Should.ThrowAsync<NotFoundException>(() => DutiesAsync(s => s.AssignAsync(data.Admin, 987_654, Shift("x", "nurse", Nine, Eleven))));
        await Should.ThrowAsync<NotFoundException>(() => DutiesAsync(s => s.UpdateAsync(data.Admin, 987_654, Shift("x", "nurse", Nine, Eleven), 1)));
    }

    [Fact]
    public async Task Someone_already_on_duty_at_another_event_meanwhile_is_assigned_with_a_warning_naming_that_event()
    {
        var lecture = await EventAsync(Nine.AddHours(1), Eleven.AddHours(1), "肺癌科普讲座", data.Lung);
        var clinic = await EventAsync(Nine, Eleven);
        var later = await EventAsync(Eleven.AddHours(1), Eleven.AddHours(3), "午间义诊");
        var expert = await PersonAsync("王医生");
        await DutiesAsync(s => s.AssignAsync(data.Admin, lecture.Id, Shift(expert, "expert", Nine.AddHours(1), Eleven.AddHours(1))));

        var saved = await DutiesAsync(s => s.AssignAsync(data.BreastCoordinator, clinic.Id, Shift(expert, "expert", Nine, Eleven)));

        saved.Id.ShouldBePositive();
        var warning = saved.Warnings.ShouldHaveSingleItem();
        warning.EventId.ShouldBe(lecture.Id);
        warning.EventTitle.ShouldBe("肺癌科普讲座");
        warning.Message.ShouldContain("肺癌科普讲座");
        warning.Message.ShouldContain("2021-04-16 10:00–12:00");
        warning.Message.ShouldContain("王医生");
        (await DutiesAsync(s => s.ListAsync(clinic.Id))).ShouldHaveSingleItem().UserId.ShouldBe(expert);

        // A shift that only touches the other one (ends as it starts) is no overlap.
        (await DutiesAsync(s => s.AssignAsync(data.Admin, later.Id, Shift(expert, "expert", Eleven.AddHours(1), Eleven.AddHours(3))))).Warnings.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_same_person_twice_at_overlapping_shifts_of_one_event_is_refused()
    {
        var clinic = await EventAsync(Nine, Eleven.AddHours(4));
        var nurse = await PersonAsync("李护士");
        var morning = await DutiesAsync(s => s.AssignAsync(data.Admin, clinic.Id, Shift(nurse, "nurse", Nine, Eleven)));

        var twice = await Should.ThrowAsync<DomainValidationException>(() =>
            DutiesAsync(s => s.AssignAsync(data.Admin, clinic.Id, Shift(nurse, "volunteer", Nine.AddHours(1), Eleven.AddHours(1)))));

        twice.Errors["userId"].ShouldHaveSingleItem().ShouldContain("2021-04-16 09:00–11:00");
        (await StateAsync(clinic.Id)).Duties.ShouldBe(1);

        // A later shift of the same day is fine, and changing the morning shift does not collide with itself.
        var afternoon = await DutiesAsync(s => s.AssignAsync(data.Admin, clinic.Id, Shift(nurse, "nurse", Eleven, Eleven.AddHours(4))));
        afternoon.Warnings.ShouldBeEmpty();
        await DutiesAsync(s => s.UpdateAsync(data.Admin, morning.Id, Shift(nurse, "nurse", Nine.AddMinutes(30), Eleven), morning.Version));
        // Stretching it into the afternoon shift is refused.
        await Should.ThrowAsync<DomainValidationException>(() =>
            DutiesAsync(s => s.UpdateAsync(data.Admin, morning.Id, Shift(nurse, "nurse", Nine, Eleven.AddHours(1)), morning.Version + 1)));
    }

    [Fact]
    public async Task A_change_or_removal_based_on_a_stale_version_conflicts_and_changes_nothing()
    {
        var clinic = await EventAsync(Nine, Eleven);
        var nurse = await PersonAsync("李护士");
        var saved = await DutiesAsync(s => s.AssignAsync(data.Admin, clinic.Id, Shift(nurse, "nurse", Nine, Eleven)));
        await DutiesAsync(s => s.UpdateAsync(data.BreastCoordinator, saved.Id, Shift(nurse, "nurse", Nine, Eleven, "第一位的修改"), saved.Version));

        var update = await Should.ThrowAsync<ConcurrencyConflictException>(() =>
            DutiesAsync(s => s.UpdateAsync(data.Admin, saved.Id, Shift(nurse, "volunteer", Nine, Eleven, "第二位的修改"), saved.Version)));
        var remove = await Should.ThrowAsync<ConcurrencyConflictException>(() => DutiesAsync(s => s.RemoveAsync(data.Admin, saved.Id, saved.Version)));

        update.Current.ShouldBeAssignableTo<DutyDetails>()!.Note.ShouldBe("第一位的修改");
        remove.Current.ShouldBeAssignableTo<DutyDetails>()!.Version.ShouldBe(saved.Version + 1);
        var stored = (await DutiesAsync(s => s.ListAsync(clinic.Id))).ShouldHaveSingleItem();
        stored.Role.ShouldBe(DutyRole.Nurse);
        stored.Note.ShouldBe("第一位的修改");
    }

    [Fact]
    public async Task Every_roster_change_grows_the_events_calendar_sequence_but_leaves_its_version_alone()
    {
        var clinic = await EventAsync(Nine, Eleven);
        var nurse = await PersonAsync("李护士");
        var start = await StateAsync(clinic.Id);

        var saved = await DutiesAsync(s => s.AssignAsync(data.Admin, clinic.Id, Shift(nurse, "nurse", Nine, Eleven)));
        var afterAssign = await StateAsync(clinic.Id);
        var changed = await DutiesAsync(s => s.UpdateAsync(data.Admin, saved.Id, Shift(nurse, "volunteer", Nine, Eleven), saved.Version));
        var afterChange = await StateAsync(clinic.Id);
        await DutiesAsync(s => s.RemoveAsync(data.Admin, changed.Id, changed.Version));
        var afterRemove = await StateAsync(clinic.Id);

        afterAssign.Sequence.ShouldBeGreaterThan(start.Sequence);
        afterChange.Sequence.ShouldBeGreaterThan(afterAssign.Sequence);
        afterRemove.Sequence.ShouldBeGreaterThan(afterChange.Sequence);
        // The coordinator editing the event meanwhile must not get a conflict because a nurse was assigned.
        afterRemove.Version.ShouldBe(start.Version);
        var input = data.FreeClinic();
        input.Start = Nine;
        input.End = Eleven;
        await data.WithAsync(s => s.UpdateAsync(data.BreastCoordinator, clinic.Id, input, clinic.Version));
    }

    [Fact]
    public async Task Assigning_changing_and_removing_are_audited_with_the_user_and_the_values()
    {
        var clinic = await EventAsync(Nine, Eleven);
        var nurse = await PersonAsync("李护士");

        var saved = await data.App.AsAsync(data.BreastCoordinator, (DutyService s) => s.AssignAsync(data.BreastCoordinator, clinic.Id, Shift(nurse, "nurse", Nine, Eleven)));
        var changed = await data.App.AsAsync(data.BreastCoordinator, (DutyService s) => s.UpdateAsync(data.BreastCoordinator, saved.Id, Shift(nurse, "media", Nine, Eleven), saved.Version));
        await data.App.AsAsync(data.Admin, (DutyService s) => s.RemoveAsync(data.Admin, changed.Id, changed.Version));

        await using var db = await data.App.DbAsync();
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(DutyAssignment) && a.EntityId == saved.Id.ToString()).OrderBy(a => a.Id).ToListAsync();
        entries.Select(e => e.Action).ShouldBe(["create", "update", "delete"]);
        entries[0].UserId.ShouldBe(data.BreastCoordinator.UserId);
        entries[2].UserId.ShouldBe(data.Admin.UserId);
        var role = JsonDocument.Parse(entries[1].Changes).RootElement.GetProperty("Role");
        role.GetProperty("old").GetString().ShouldBe("Nurse");
        role.GetProperty("new").GetString().ShouldBe("Media");
        JsonDocument.Parse(entries[0].Changes).RootElement.GetProperty("UserId").GetProperty("new").GetString().ShouldBe(nurse);
    }

    [Fact]
    public async Task My_duties_lists_only_the_users_own_upcoming_duties_soonest_first()
    {
        var now = data.App.Services.GetRequiredService<AssociationClock>().Now;
        var today = now.Date;
        var past = await EventAsync(today.AddDays(-3).AddHours(9), today.AddDays(-3).AddHours(11), "上周义诊");
        var soon = await EventAsync(today.AddDays(2).AddHours(9), today.AddDays(2).AddHours(17), "后天义诊");
        var later = await EventAsync(today.AddDays(9).AddHours(9), today.AddDays(9).AddHours(11), "下周讲座");
        var nurse = await PersonAsync("李护士");
        var other = await PersonAsync("张护士");
        var me = await data.App.ActorAsync(nurse);

        // Assigned out of order, and someone else's duty at the same event.
        await DutiesAsync(s => s.AssignAsync(data.Admin, later.Id, Shift(nurse, "expert", later.Start, later.End)));
        await DutiesAsync(s => s.AssignAsync(data.Admin, soon.Id, Shift(nurse, "nurse", soon.Start.AddHours(4), soon.End, "下午班")));
        await DutiesAsync(s => s.AssignAsync(data.Admin, soon.Id, Shift(nurse, "nurse", soon.Start, soon.Start.AddHours(2))));
        await DutiesAsync(s => s.AssignAsync(data.Admin, past.Id, Shift(nurse, "nurse", past.Start, past.End)));
        await DutiesAsync(s => s.AssignAsync(data.Admin, soon.Id, Shift(other, "volunteer", soon.Start, soon.End)));

        var mine = await DutiesAsync(s => s.MyDutiesAsync(me));

        mine.Select(d => (d.EventTitle, d.Start)).ShouldBe([
            ("后天义诊", soon.Start),
            ("后天义诊", soon.Start.AddHours(4)),
            ("下周讲座", later.Start),
        ]);
        mine[1].Note.ShouldBe("下午班");
        mine[1].Role.ShouldBe(DutyRole.Nurse);
        mine[2].Role.ShouldBe(DutyRole.Expert);
        mine[0].CampaignName.ShouldBe("2021 全国肿瘤防治宣传周");
        mine[0].Place.ShouldBe("山西省肿瘤医院门诊大厅");
        (await DutiesAsync(s => s.MyDutiesAsync(me, past: true))).ShouldHaveSingleItem().EventTitle.ShouldBe("上周义诊");
    }

    [Fact]
    public async Task The_picker_finds_people_of_any_role_by_name_or_email()
    {
        var nurse = await PersonAsync("欧阳护士");

        var byName = await DutiesAsync(s => s.SearchPeopleAsync(data.BreastCoordinator, "欧阳"));
        byName.ShouldHaveSingleItem().Id.ShouldBe(nurse);
        var byEmail = await DutiesAsync(s => s.SearchPeopleAsync(data.Admin, data.LungCoordinator.Email!.ToUpperInvariant()));
        byEmail.ShouldHaveSingleItem().Id.ShouldBe(data.LungCoordinator.UserId);
        (await DutiesAsync(s => s.SearchPeopleAsync(data.Admin, "100%_not-there"))).ShouldBeEmpty();
    }
}
