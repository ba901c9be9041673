using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Api;
using CampaignHub.Web.Features.Association;
using CampaignHub.Web.Features.Common;
using CampaignHub.Web.Features.Events;
using CampaignHub.Web.Features.Notifications;
using CampaignHub.Web.Features.Reports.Locks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampaignHub.Web.Features.Duties;

/// <summary>
/// Duty rosters: who is on duty at an event, in which role and shift. Everyone signed in reads them; admins change
/// any roster, a coordinator the rosters of their units' events (a joint event: any of its units). The
/// save path audits every change and grows the event's calendar sequence in the same transaction, so subscribed
/// calendars pick up the new roster; the roster of an event a finalised report locks is part of that event, and the
/// save path refuses its changes (<see cref="SaveRules"/>). A new or changed assignment asks the same rule before
/// checking its fields, so a locked roster says so instead of listing corrections that cannot help.
/// </summary>
public sealed class DutyService(
    IDbContextFactory<CampaignHubDbContext> dbFactory,
    AssociationClock clock,
    IStringLocalizer<SharedResource> localizer,
    ReportLockGuard locks,
    Notifier notifier)
{
    public const int NoteMaxLength = 300;
    public const int MaxPeopleFound = 20;
    public const int MaxPastDuties = 100;

    /// <summary>The lock every roster change holds while it checks for overlaps and writes.</summary>
    private const string RosterLock = "campaignhub:duty-roster";

    public async Task<IReadOnlyList<DutyDetails>> ListAsync(int eventId, CancellationToken cancellationToken = default) =>
        (await GetRosterAsync(eventId, cancellationToken)).Duties;

    public async Task<DutyRoster> GetRosterAsync(int eventId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var target = await LoadEventAsync(db, eventId, cancellationToken);
        var duties = await Rows(db.DutyAssignments.Where(d => d.EventId == eventId).OrderBy(d => d.StartsAt).ThenBy(d => d.Id))
            .ToListAsync(cancellationToken);
        return new DutyRoster(target.Id, target.Title, target.StartsAt, target.EndsAt, target.UnitIds, duties.Select(ToDetails).ToList());
    }

    public async Task<SavedDuty> AssignAsync(Actor actor, int eventId, DutyInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var target = await LoadEventAsync(db, eventId, cancellationToken);
        RequireWriteAccess(actor, target);
        await locks.ThrowIfEventLockedAsync(db, eventId, cancellationToken);

        // The overlap check and the insert are one unit: checked and inserted apart, parallel requests all pass.
        await using var transaction = await db.Database.BeginSerialisedAsync(RosterLock, cancellationToken);
        var valid = await ValidateAsync(db, target, input, current: null, cancellationToken);
        var duty = new DutyAssignment
        {
            EventId = eventId,
            UserId = valid.Person.Id,
        };
        Apply(duty, valid, input);
        db.DutyAssignments.Add(duty);
        await NotifyAsync(db, actor, target, duty.UserId, NotificationKind.DutyAssigned, duty, cancellationToken);
        await SaveOrConflictAsync(db, duty.Id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new SavedDuty(await GetDetailsAsync(db, duty.Id, cancellationToken) ?? throw NotFound(duty.Id), valid.Warnings);
    }

    /// <summary>
    /// Changes an assignment if nobody changed it since <paramref name="version"/>; otherwise throws
    /// <see cref="ConcurrencyConflictException"/> carrying the assignment as it is now (null when it was removed).
    /// </summary>
    public async Task<SavedDuty> UpdateAsync(Actor actor, int dutyId, DutyInput input, long? expected, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await db.DutyAssignments.AsNoTracking().Where(d => d.Id == dutyId).Select(d => new { d.EventId }).FirstOrDefaultAsync(cancellationToken)
                    ?? throw NotFound(dutyId);
        var target = await LoadEventAsync(db, found.EventId, cancellationToken);
        RequireWriteAccess(actor, target);
        var version = RequiredVersion.Of(expected, localizer);
        await locks.ThrowIfEventLockedAsync(db, found.EventId, cancellationToken);

        await using var transaction = await db.Database.BeginSerialisedAsync(RosterLock, cancellationToken);
        // Read again under the lock: the overlap check must see every assignment saved before ours.
        var duty = await db.DutyAssignments.FirstOrDefaultAsync(d => d.Id == dutyId, cancellationToken) ?? throw NotFound(dutyId);
        var valid = await ValidateAsync(db, target, input, duty, cancellationToken);
        await ThrowIfStaleAsync(db, duty, version, cancellationToken);

        var before = new DutyAssignment { UserId = duty.UserId, Role = duty.Role, StartsAt = duty.StartsAt, EndsAt = duty.EndsAt };
        duty.UserId = valid.Person.Id;
        Apply(duty, valid, input);
        db.Entry(duty).Property(d => d.Version).OriginalValue = version;
        if (before.UserId != duty.UserId)
        {
            await NotifyAsync(db, actor, target, before.UserId, NotificationKind.DutyRemoved, before, cancellationToken);
            await NotifyAsync(db, actor, target, duty.UserId, NotificationKind.DutyAssigned, duty, cancellationToken);
        }
        else if (before.Role != duty.Role || before.StartsAt != duty.StartsAt || before.EndsAt != duty.EndsAt)
        {
            await NotifyAsync(db, actor, target, duty.UserId, NotificationKind.DutyChanged, duty, cancellationToken);
        }

        await SaveOrConflictAsync(db, dutyId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new SavedDuty(await GetDetailsAsync(db, dutyId, cancellationToken) ?? throw NotFound(dutyId), valid.Warnings);
    }

    /// <summary>Takes someone off the roster; with a <paramref name="version"/> only if nobody changed the assignment since.</summary>
    public async Task RemoveAsync(Actor actor, int dutyId, long? version, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var duty = await db.DutyAssignments.FirstOrDefaultAsync(d => d.Id == dutyId, cancellationToken) ?? throw NotFound(dutyId);
        var target = await LoadEventAsync(db, duty.EventId, cancellationToken);
        RequireWriteAccess(actor, target);
        if (version is { } expected)
        {
            await ThrowIfStaleAsync(db, duty, expected, cancellationToken);
            db.Entry(duty).Property(d => d.Version).OriginalValue = expected;
        }

        db.DutyAssignments.Remove(duty);
        await NotifyAsync(db, actor, target, duty.UserId, NotificationKind.DutyRemoved, duty, cancellationToken);
        await SaveOrConflictAsync(db, dutyId, cancellationToken);
    }

    /// <summary>
    /// People for the roster's picker, by part of their name or e-mail, in any role (experts and nurses are often
    /// staff accounts). Only those who may change some roster may look people up.
    /// </summary>
    public async Task<IReadOnlyList<DutyPerson>> SearchPeopleAsync(Actor actor, string? text, CancellationToken cancellationToken = default)
    {
        if (!actor.IsAdmin && !actor.IsCoordinator)
        {
            throw new ForbiddenException(localizer["Duty_People_Forbidden"]);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(text))
        {
            // LIKE ignores case for Latin letters on SQLite and SQL Server; PostgreSQL's LIKE does not, its ILIKE
            // does. The user's own % and _ are taken literally.
            var pattern = "%" + text.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            users = db.Database.IsNpgsql()
                ? users.Where(u => EF.Functions.ILike(u.Email!, pattern, "\\")
                                   || (u.DisplayName != null && EF.Functions.ILike(u.DisplayName, pattern, "\\")))
                : users.Where(u => EF.Functions.Like(u.Email!, pattern, "\\")
                                   || (u.DisplayName != null && EF.Functions.Like(u.DisplayName, pattern, "\\")));
        }

        return await users
            .OrderBy(u => u.DisplayName ?? u.Email).ThenBy(u => u.Email)
            .Take(MaxPeopleFound)
            .Select(u => new DutyPerson(u.Id, u.Email, u.DisplayName))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The actor's own assignments: upcoming ones (not yet over, so one under way is included) soonest first, or
    /// with <paramref name="past"/> the most recent <see cref="MaxPastDuties"/> that are over, latest first.
    /// </summary>
    public async Task<IReadOnlyList<MyDuty>> MyDutiesAsync(Actor actor, bool past = false, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.Now;
        var duties = db.DutyAssignments.AsNoTracking().Where(d => d.UserId == actor.UserId);
        duties = past
            ? duties.Where(d => d.EndsAt <= now).OrderByDescending(d => d.StartsAt).ThenByDescending(d => d.Id).Take(MaxPastDuties)
            : duties.Where(d => d.EndsAt > now).OrderBy(d => d.StartsAt).ThenBy(d => d.Id);
        var rows = await duties
            .Select(d => new
            {
                d.Id,
                d.EventId,
                d.Event!.Title,
                d.Event.Status,
                Venue = d.Event.Venue != null ? d.Event.Venue.Name : null,
                Host = d.Event.HostOrganisation != null ? d.Event.HostOrganisation.Name : null,
                d.Event.Location,
                d.Event.CampaignId,
                CampaignName = d.Event.Campaign!.Name,
                CampaignNameEn = d.Event.Campaign.NameEn,
                d.Role,
                d.StartsAt,
                d.EndsAt,
                d.Note,
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new MyDuty(
                r.Id, r.EventId, r.Title, r.Status,
                Place(r.Venue, r.Host, r.Location), r.CampaignId, r.CampaignName, r.CampaignNameEn,
                r.Role, DutyTexts.Role(localizer, r.Role), r.StartsAt, r.EndsAt, r.Note))
            .ToList();
    }

    /// <summary>
    /// Tells the person on duty what changed (saved with the change); not when they changed their own duty.
    /// </summary>
    private Task NotifyAsync(CampaignHubDbContext db, Actor actor, EventWindow target, string userId, NotificationKind kind, DutyAssignment duty, CancellationToken cancellationToken)
    {
        if (userId == actor.UserId)
        {
            return Task.CompletedTask;
        }

        var parameters = new Dictionary<string, string?>
        {
            [NotificationParameters.Event] = target.Title,
            [NotificationParameters.Role] = Codes<DutyRole>.Of(duty.Role),
            [NotificationParameters.Start] = duty.StartsAt.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            [NotificationParameters.End] = duty.EndsAt.ToString(duty.EndsAt.Date == duty.StartsAt.Date ? "HH:mm" : "yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        };
        return notifier.NotifyUserAsync(db, userId, kind, parameters, $"/events/{target.Id}", cancellationToken);
    }

    private static string? Place(params string?[] parts)
    {
        var text = string.Join(" · ", parts.Where(p => !string.IsNullOrWhiteSpace(p)).Distinct());
        return text.Length == 0 ? null : text;
    }

    /// <summary>Saves, or reports the assignment as it is now (null when removed) if someone saved it since our read.</summary>
    private async Task SaveOrConflictAsync(CampaignHubDbContext db, int dutyId, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw new ConcurrencyConflictException(localizer["Duty_Conflict"], await GetDetailsAsync(db, dutyId, cancellationToken));
        }
    }

    private async Task ThrowIfStaleAsync(CampaignHubDbContext db, DutyAssignment duty, long version, CancellationToken cancellationToken)
    {
        if (duty.Version != version)
        {
            throw new ConcurrencyConflictException(localizer["Duty_Conflict"], await GetDetailsAsync(db, duty.Id, cancellationToken));
        }
    }

    private void RequireWriteAccess(Actor actor, EventWindow target)
    {
        if (!actor.CanWriteForUnits(target.UnitIds))
        {
            throw new ForbiddenException(localizer["Duty_Forbidden"]);
        }
    }

    /// <summary>What the rules need of the event: its time and its units. Unknown events are a 404.</summary>
    private sealed record EventWindow(int Id, int CampaignId, string Title, DateTime StartsAt, DateTime EndsAt, IReadOnlyList<int> UnitIds);

    private async Task<EventWindow> LoadEventAsync(CampaignHubDbContext db, int eventId, CancellationToken cancellationToken)
    {
        var found = await db.Events.AsNoTracking().Where(e => e.Id == eventId)
                        .Select(e => new { e.Id, e.CampaignId, e.Title, e.StartsAt, e.EndsAt })
                        .FirstOrDefaultAsync(cancellationToken)
                    ?? throw new NotFoundException(string.Format(localizer["Event_NotFound"], eventId));
        var units = await db.EventUnits.AsNoTracking().Where(c => c.EventId == eventId)
            .OrderBy(c => c.UnitId).Select(c => c.UnitId).ToListAsync(cancellationToken);
        return new EventWindow(found.Id, found.CampaignId, found.Title, found.StartsAt, found.EndsAt, units);
    }

    private sealed record Validated(DutyPerson Person, DutyRole Role, DateTime Start, DateTime End, IReadOnlyList<DutyWarning> Warnings);

    /// <summary>Checks every field and collects every problem by field; the overlap with other events is only a warning.</summary>
    private async Task<Validated> ValidateAsync(
        CampaignHubDbContext db, EventWindow target, DutyInput input, DutyAssignment? current, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var (person, personField) = await FindPersonAsync(db, input, current, errors, cancellationToken);

        DutyRole role = default;
        if (string.IsNullOrWhiteSpace(input.Role))
        {
            errors.Add("role", string.Format(localizer["Duty_Error_RoleRequired"], string.Join(", ", Codes<DutyRole>.All)));
        }
        else if (!Codes<DutyRole>.TryParse(input.Role, out role))
        {
            errors.Add("role", string.Format(localizer["Duty_Error_UnknownRole"], input.Role.Trim(), string.Join(", ", Codes<DutyRole>.All)));
        }

        var start = input.Start is { } s ? clock.ToLocal(s) : (DateTime?)null;
        var end = input.End is { } e ? clock.ToLocal(e) : (DateTime?)null;
        var eventTime = EventTexts.Period(target.StartsAt, target.EndsAt);
        if (start is null)
        {
            errors.Add("start", localizer["Duty_Error_StartRequired"]);
        }
        else if (start < target.StartsAt || start >= target.EndsAt)
        {
            errors.Add("start", string.Format(localizer["Duty_Error_OutsideEvent"], eventTime));
        }

        if (end is null)
        {
            errors.Add("end", localizer["Duty_Error_EndRequired"]);
        }
        else if (start is not null && end <= start)
        {
            errors.Add("end", localizer["Duty_Error_EndNotAfterStart"]);
        }
        else if (end > target.EndsAt || end <= target.StartsAt)
        {
            errors.Add("end", string.Format(localizer["Duty_Error_OutsideEvent"], eventTime));
        }

        if (input.Note?.Trim().Length > NoteMaxLength)
        {
            errors.Add("note", string.Format(localizer["Error_TooLong"], NoteMaxLength));
        }

        IReadOnlyList<DutyWarning> warnings = [];
        if (person is not null && start is not null && end is not null && end > start)
        {
            var currentId = current?.Id ?? 0;
            var overlapping = await db.DutyAssignments.AsNoTracking()
                .Where(d => d.UserId == person.Id && d.Id != currentId && d.StartsAt < end && d.EndsAt > start)
                .OrderBy(d => d.StartsAt).ThenBy(d => d.Id)
                .Select(d => new { d.EventId, d.Event!.Title, d.Event.Status, d.StartsAt, d.EndsAt })
                .ToListAsync(cancellationToken);

            // Twice at once at the same event is a mistake; at another event it may be planned (a quick hop between
            // neighbouring stands), so it only warns. A cancelled event keeps nobody busy.
            foreach (var same in overlapping.Where(o => o.EventId == target.Id))
            {
                errors.Add(personField, string.Format(localizer["Duty_Error_SameEventOverlap"], person.Name, EventTexts.Period(same.StartsAt, same.EndsAt)));
            }

            warnings = overlapping.Where(o => o.EventId != target.Id && o.Status != EventStatus.Cancelled)
                .Select(o => new DutyWarning(o.EventId, o.Title, o.StartsAt, o.EndsAt,
                    string.Format(localizer["Duty_Warning_Overlap"], person.Name, o.Title, EventTexts.Period(o.StartsAt, o.EndsAt))))
                .ToList();
        }

        errors.ThrowIfAny();
        return new Validated(person!, role, start!.Value, end!.Value, warnings);
    }

    /// <summary>The person by id, or else by e-mail; on a change naming nobody, the person already assigned.</summary>
    private async Task<(DutyPerson? Person, string Field)> FindPersonAsync(
        CampaignHubDbContext db, DutyInput input, DutyAssignment? current, ValidationErrors errors, CancellationToken cancellationToken)
    {
        var id = input.UserId?.Trim();
        var email = input.UserEmail?.Trim();
        var people = db.Users.AsNoTracking();
        if (!string.IsNullOrEmpty(id))
        {
            var byId = await people.Where(u => u.Id == id).Select(u => new DutyPerson(u.Id, u.Email, u.DisplayName)).FirstOrDefaultAsync(cancellationToken);
            if (byId is null)
            {
                errors.Add("userId", string.Format(localizer["Duty_Error_UnknownUser"], id));
            }
            else if (!string.IsNullOrEmpty(email) && !string.Equals(byId.Email, email, StringComparison.OrdinalIgnoreCase))
            {
                errors.Add("userEmail", localizer["Duty_Error_UserMismatch"]);
            }

            return (byId, "userId");
        }

        if (!string.IsNullOrEmpty(email))
        {
            var normalised = email.ToUpperInvariant();
            var byEmail = await people.Where(u => u.NormalizedEmail == normalised)
                .Select(u => new DutyPerson(u.Id, u.Email, u.DisplayName)).FirstOrDefaultAsync(cancellationToken);
            if (byEmail is null)
            {
                errors.Add("userEmail", string.Format(localizer["Duty_Error_UnknownUserEmail"], email));
            }

            return (byEmail, "userEmail");
        }

        if (current is not null)
        {
            var kept = await people.Where(u => u.Id == current.UserId)
                .Select(u => new DutyPerson(u.Id, u.Email, u.DisplayName)).FirstAsync(cancellationToken);
            return (kept, "userId");
        }

        errors.Add("userId", localizer["Duty_Error_UserRequired"]);
        return (null, "userId");
    }

    private static void Apply(DutyAssignment duty, Validated valid, DutyInput input)
    {
        duty.Role = valid.Role;
        duty.StartsAt = valid.Start;
        duty.EndsAt = valid.End;
        duty.Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
    }

    private sealed record DutyRow(
        int Id, int EventId, string UserId, string? DisplayName, string? Email, DutyRole Role, DateTime StartsAt, DateTime EndsAt, string? Note, long Version);

    /// <summary>Filter and order before projecting: EF cannot translate a condition on the constructed row.</summary>
    private static IQueryable<DutyRow> Rows(IQueryable<DutyAssignment> duties) =>
        duties.AsNoTracking().Select(d => new DutyRow(
            d.Id, d.EventId, d.UserId, d.User!.DisplayName, d.User.Email, d.Role, d.StartsAt, d.EndsAt, d.Note, d.Version));

    private async Task<DutyDetails?> GetDetailsAsync(CampaignHubDbContext db, int dutyId, CancellationToken cancellationToken)
    {
        var row = await Rows(db.DutyAssignments.Where(d => d.Id == dutyId)).FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : ToDetails(row);
    }

    private DutyDetails ToDetails(DutyRow row)
    {
        var name = string.IsNullOrWhiteSpace(row.DisplayName) ? row.Email ?? row.UserId : row.DisplayName;
        return new DutyDetails(row.Id, row.EventId, row.UserId, name, row.Email, row.Role, DutyTexts.Role(localizer, row.Role),
            row.StartsAt, row.EndsAt, row.Note, row.Version);
    }

    private NotFoundException NotFound(int dutyId) => new(string.Format(localizer["Duty_NotFound"], dutyId));
}
