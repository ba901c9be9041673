using CampaignHub.Web.Data.Tallies;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Reports.Locks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CampaignHub.Web.Data;

/// <summary>
/// What every save of <see cref="CampaignHubDbContext"/> applies, whoever asks for it: no service sets any of this
/// by hand, so a write path added later is covered by construction. In order, before the rows are written:
/// <list type="number">
/// <item>report locks: a save touching a period a finalised report covers is refused whole (<see cref="ReportLockGuard"/>);</item>
/// <item>versions: an added <see cref="IVersioned"/> record starts at 1, a changed one goes up by one (an event's
/// calendar sequence grows with it);</item>
/// <item>stamps: <see cref="ICreated"/>, <see cref="ICreatedBy"/>, <see cref="IUpdatedBy"/> from the app's clock and the
/// scope's <see cref="CurrentUser"/>; audit entries written explicitly (accounts) get the same time and user;</item>
/// <item>the audit trail: old and new values of every <see cref="IAudited"/> record;</item>
/// </list>
/// and, in the same transaction after the rows: the audit entries, the calendar sequence of events whose duty
/// roster changed (subscribed calendars replace their copy; the event's version stays, so nobody's edit conflicts),
/// and the event and figure tallies of the campaign days the save touched (<see cref="TallyKeeper"/>).
/// </summary>
public sealed class SaveRules(CurrentUser user, TimeProvider time, ReportLockGuard locks)
{
    /// <summary>
    /// The same rules for a context made outside the app's services (design-time tools, tests over an in-memory
    /// database): nobody is signed in, so it saves as system work.
    /// </summary>
    internal static SaveRules ForSystemWork() =>
        new(new CurrentUser(), TimeProvider.System, new ReportLockGuard(new StringLocalizer<SharedResource>(
            new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance))));

    internal async Task<PreparedSave> PrepareAsync(CampaignHubDbContext db, CancellationToken cancellationToken)
    {
        var changed = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        if (changed.Count == 0)
        {
            return PreparedSave.Nothing;
        }

        await locks.ThrowIfLockedAsync(db, changed, cancellationToken);
        var tallyDays = await TallyKeeper.TouchedAsync(db, changed, cancellationToken);

        var actor = user.Actor;
        var now = time.GetUtcNow().UtcDateTime;
        var rosters = new HashSet<int>();
        var rewritten = new HashSet<int>();
        foreach (var entry in changed)
        {
            if (entry.State == EntityState.Deleted)
            {
                NoteRoster(entry, rosters);
                if (entry.Entity is CampaignEvent)
                {
                    rewritten.Add((int)entry.Property(nameof(CampaignEvent.Id)).CurrentValue!);
                }

                continue;
            }

            Version(entry, rewritten);
            Stamp(entry, now, actor);
            NoteRoster(entry, rosters);
            if (entry.State == EntityState.Modified)
            {
                // The values above were set on the object; the trail compares what the entry knows.
                entry.DetectChanges();
            }
        }

        rosters.ExceptWith(rewritten);
        return new PreparedSave(AuditTrail.Capture(changed), rosters.ToList(), tallyDays, actor, now);
    }

    private static void Version(EntityEntry entry, HashSet<int> rewritten)
    {
        if (entry.Entity is not IVersioned versioned)
        {
            return;
        }

        if (entry.State == EntityState.Added)
        {
            versioned.Version = 1;
            return;
        }

        versioned.Version = (long)entry.Property(nameof(IVersioned.Version)).OriginalValue! + 1;
        if (entry.Entity is CampaignEvent changedEvent)
        {
            changedEvent.CalendarSequence++;
            rewritten.Add(changedEvent.Id);
        }
    }

    private static void Stamp(EntityEntry entry, DateTime now, AuditActor? actor)
    {
        if (entry.State == EntityState.Added)
        {
            if (entry.Entity is ICreated created)
            {
                created.CreatedAt = now;
            }

            if (entry.Entity is ICreatedBy createdBy)
            {
                createdBy.CreatedById = actor?.UserId;
            }

            if (entry.Entity is AuditEntry audit)
            {
                audit.At = now;
                audit.UserId = actor?.UserId;
                audit.UserEmail = actor?.Email;
            }
        }

        if (entry.Entity is IUpdatedBy updated)
        {
            updated.UpdatedAt = now;
            updated.UpdatedById = actor?.UserId;
        }
    }

    /// <summary>A duty assignment is part of its event's calendar entry: its change grows the event's sequence.</summary>
    private static void NoteRoster(EntityEntry entry, HashSet<int> rosters)
    {
        if (entry.Entity is not DutyAssignment)
        {
            return;
        }

        var eventId = entry.Property(nameof(DutyAssignment.EventId));
        if (!eventId.IsTemporary && eventId.CurrentValue is int current)
        {
            rosters.Add(current);
        }

        if (entry.State == EntityState.Modified && eventId.OriginalValue is int original)
        {
            rosters.Add(original);
        }
    }
}

/// <summary>What a save still has to write after its rows, in the same transaction.</summary>
internal sealed record PreparedSave(
    IReadOnlyList<AuditTrail.PendingAudit> Audits, IReadOnlyList<int> Rosters, IReadOnlyCollection<CampaignDay> TallyDays, AuditActor? Actor, DateTime At)
{
    public static readonly PreparedSave Nothing = new([], [], [], null, default);

    public bool WritesAfter => Audits.Count > 0 || Rosters.Count > 0 || TallyDays.Count > 0;

    public async Task WriteAfterAsync(CampaignHubDbContext db, CancellationToken cancellationToken)
    {
        if (Audits.Count > 0)
        {
            await AddedRowsWriter.WriteUntrackedAsync(db, Audits.Select(p => p.ToEntry(Actor, At)).ToList(), cancellationToken);
        }

        if (Rosters.Count > 0)
        {
            var ids = Rosters;
            await db.Events.Where(e => ids.Contains(e.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.CalendarSequence, e => e.CalendarSequence + 1), cancellationToken);
        }

        if (TallyDays.Count > 0)
        {
            await TallyKeeper.RecountAsync(db, TallyDays, cancellationToken);
        }
    }
}
