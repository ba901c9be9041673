using System.Collections.Concurrent;
using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Localization;

namespace CampaignHub.Web.Features.Reports.Locks;

/// <summary>
/// The report locks in the save path (<see cref="SaveRules"/>): a save that adds, changes or removes anything a
/// finalised report covers is refused as a whole, for admins too, whichever service made the change (or none).
/// What a lock covers is <see cref="ReportLock.Covers"/>; what a save touches is read from its tracked changes:
/// <list type="bullet">
/// <item>an event: where it was, as stored, and where it goes (campaign, start date, units after the save);</item>
/// <item>whatever belongs to an event, i.e. has a foreign key to it (units, speakers, photos, figures, duties):
/// that event, so a new part of an event is covered by the model alone;</item>
/// <item>a campaign-level figure: its campaign, day and unit, before and after.</item>
/// </list>
/// At most two queries a save, whatever its size: the stored events it touches, and the reports around its dates.
/// </summary>
public sealed class ReportLockGuard(IStringLocalizer<SharedResource> localizer)
{
    /// <summary>Where forms show the refusal: an event's start, a campaign-level figure's day.</summary>
    private const string EventField = "start";
    private const string FigureField = "date";

    // Per entity type, the foreign keys that make it part of an event.
    private static readonly ConcurrentDictionary<IEntityType, IReadOnlyList<IProperty>> EventKeys = new();

    /// <summary>Throws a <see cref="DomainValidationException"/> naming the report when the save touches a locked period.</summary>
    public async Task ThrowIfLockedAsync(CampaignHubDbContext db, IReadOnlyList<EntityEntry> changed, CancellationToken cancellationToken)
    {
        var touched = Touched.Of(changed);
        if (touched.IsEmpty)
        {
            return;
        }

        var stored = await StoredEventsAsync(db, touched.StoredEventIds.ToList(), cancellationToken);
        var targets = touched.Targets(stored);
        if (targets.Count == 0)
        {
            return;
        }

        var candidates = await CandidatesAsync(db, targets.Select(t => t.Target).ToList(), cancellationToken);
        foreach (var (target, field) in targets)
        {
            if (candidates.FirstOrDefault(l => l.Covers(target)) is { } found)
            {
                Refuse(field, found);
            }
        }
    }

    /// <summary>
    /// The save's refusal ahead of the save, for a write whose other messages would be pointless on a locked event
    /// (nothing the user corrects in a duty's fields makes the roster writable): the same rule, the same message.
    /// </summary>
    public async Task ThrowIfEventLockedAsync(CampaignHubDbContext db, int eventId, CancellationToken cancellationToken)
    {
        var stored = await StoredEventsAsync(db, [eventId], cancellationToken);
        var targets = stored.Values.Select(Before).ToList();
        if (await FindAsync(db, targets, cancellationToken) is { } found)
        {
            Refuse(EventField, found);
        }
    }

    /// <summary>The first lock covering any of the targets (for pages: is this event or day read-only?).</summary>
    public async Task<ReportLock?> FindAsync(CampaignHubDbContext db, IReadOnlyList<LockTarget> targets, CancellationToken cancellationToken = default)
    {
        var candidates = await CandidatesAsync(db, targets, cancellationToken);
        return candidates.FirstOrDefault(l => targets.Any(l.Covers));
    }

    /// <summary>"Locked by the finalised report '…' (2021-04-15–2021-04-21); an admin can unlock it."</summary>
    public string Message(ReportLock found) =>
        string.Format(localizer["ReportLock_Locked"], found.Title, found.From.ToString("yyyy-MM-dd"), found.To.ToString("yyyy-MM-dd"));

    /// <summary>Locks as the rule reads them, oldest report first.</summary>
    internal static IQueryable<ReportLock> Project(IQueryable<FinalisedReport> reports) =>
        reports.Where(r => r.UnlockedAt == null).OrderBy(r => r.FinalisedAt).ThenBy(r => r.Id)
            .Select(r => new ReportLock(r.Id, r.CampaignId, r.UnitId, r.From, r.To, r.Title));

    private void Refuse(string field, ReportLock found)
    {
        var errors = new ValidationErrors();
        errors.Add(field, Message(found));
        errors.ThrowIfAny();
    }

    private static async Task<Dictionary<int, StoredEvent>> StoredEventsAsync(CampaignHubDbContext db, List<int> ids, CancellationToken cancellationToken) =>
        ids.Count == 0
            ? []
            : await db.Events.AsNoTracking().Where(e => ids.Contains(e.Id))
                .Select(e => new StoredEvent(e.Id, e.CampaignId, e.StartsAt, e.Units.Select(c => c.UnitId).ToList()))
                .ToDictionaryAsync(e => e.Id, cancellationToken);

    private static LockTarget Before(StoredEvent stored) => LockTarget.OfEvent(stored.CampaignId, stored.StartsAt, stored.Units);

    /// <summary>One query for all targets: the locks of their campaigns around their dates, matched exactly by the caller.</summary>
    private static async Task<List<ReportLock>> CandidatesAsync(CampaignHubDbContext db, IReadOnlyList<LockTarget> targets, CancellationToken cancellationToken)
    {
        if (targets.Count == 0)
        {
            return [];
        }

        var campaignIds = targets.Select(t => t.CampaignId).Distinct().ToList();
        var first = targets.Min(t => t.Date);
        var last = targets.Max(t => t.Date);
        return await Project(db.FinalisedReports.AsNoTracking()
                .Where(r => campaignIds.Contains(r.CampaignId) && r.From <= last && r.To >= first))
            .ToListAsync(cancellationToken);
    }

    private static IReadOnlyList<IProperty> EventKeysOf(IEntityType type) => EventKeys.GetOrAdd(type, static t =>
        t.GetForeignKeys()
            .Where(fk => fk.PrincipalEntityType.ClrType == typeof(CampaignEvent) && fk.Properties.Count == 1)
            .Select(fk => fk.Properties[0])
            .ToList());

    private sealed record StoredEvent(int Id, int CampaignId, DateTime StartsAt, List<int> Units);

    /// <summary>What one save touches, gathered in one pass over its changes.</summary>
    private sealed class Touched
    {
        private readonly HashSet<int> newEventIds = [];
        private readonly List<(int Id, EntityEntry Entry)> eventsAfter = [];
        private readonly Dictionary<int, (HashSet<int> Added, HashSet<int> Removed)> unitChanges = [];
        private readonly List<LockTarget> figures = [];

        /// <summary>Stored events whose state before the save counts (temporary keys of new events left out).</summary>
        public HashSet<int> StoredEventIds { get; } = [];

        public bool IsEmpty => StoredEventIds.Count == 0 && eventsAfter.Count == 0 && figures.Count == 0;

        public static Touched Of(IReadOnlyList<EntityEntry> changed)
        {
            var touched = new Touched();
            foreach (var entry in changed)
            {
                touched.Add(entry);
            }

            touched.StoredEventIds.ExceptWith(touched.newEventIds);
            return touched;
        }

        private void Add(EntityEntry entry)
        {
            // Keys and foreign keys are read from the entry: a new record's temporary key is not on the object.
            if (entry.Entity is CampaignEvent)
            {
                var id = (int)entry.Property(nameof(CampaignEvent.Id)).CurrentValue!;
                (entry.State == EntityState.Added ? newEventIds : StoredEventIds).Add(id);
                if (entry.State != EntityState.Deleted)
                {
                    eventsAfter.Add((id, entry));
                }

                return;
            }

            foreach (var key in EventKeysOf(entry.Metadata))
            {
                if (entry.State != EntityState.Deleted && entry.Property(key.Name).CurrentValue is int current)
                {
                    StoredEventIds.Add(current);
                }

                if (entry.State != EntityState.Added && entry.Property(key.Name).OriginalValue is int original)
                {
                    StoredEventIds.Add(original);
                }
            }

            switch (entry.Entity)
            {
                case EventUnit when entry.State is EntityState.Added or EntityState.Deleted:
                    var eventId = (int)entry.Property(nameof(EventUnit.EventId)).CurrentValue!;
                    if (!unitChanges.TryGetValue(eventId, out var change))
                    {
                        unitChanges[eventId] = change = ([], []);
                    }

                    (entry.State == EntityState.Added ? change.Added : change.Removed)
                        .Add((int)entry.Property(nameof(EventUnit.UnitId)).CurrentValue!);
                    break;
                case MetricValue:
                    AddCampaignFigure(entry);
                    break;
            }
        }

        /// <summary>A figure of no event counts by its own campaign, day and unit, as it was and as it will be.</summary>
        private void AddCampaignFigure(EntityEntry entry)
        {
            LockTarget? Target(PropertyValues values) =>
                values[nameof(MetricValue.EventId)] is null
                    ? new LockTarget((int)values[nameof(MetricValue.CampaignId)]!, (DateOnly)values[nameof(MetricValue.Date)]!,
                        values[nameof(MetricValue.UnitId)] is int unit ? [unit] : [])
                    : null;

            if (entry.State != EntityState.Deleted && Target(entry.CurrentValues) is { } after)
            {
                figures.Add(after);
            }

            if (entry.State is EntityState.Modified or EntityState.Deleted && Target(entry.OriginalValues) is { } before)
            {
                figures.Add(before);
            }
        }

        /// <summary>Every place the save touches, events first: as stored, and as the save leaves them.</summary>
        public List<(LockTarget Target, string Field)> Targets(IReadOnlyDictionary<int, StoredEvent> stored)
        {
            var targets = new List<(LockTarget, string)>();
            targets.AddRange(stored.Values.Select(before => (Before(before), EventField)));

            var moved = new HashSet<int>();
            foreach (var (id, entry) in eventsAfter)
            {
                moved.Add(id);
                var units = UnitsAfter(id, stored.TryGetValue(id, out var was) ? was.Units : []);
                var campaignId = (int)entry.Property(nameof(CampaignEvent.CampaignId)).CurrentValue!;
                var start = (DateTime)entry.Property(nameof(CampaignEvent.StartsAt)).CurrentValue!;
                targets.Add((LockTarget.OfEvent(campaignId, start, units), EventField));
            }

            // An event that is not itself changed but gains or loses a unit joins or leaves that unit's report.
            foreach (var (eventId, _) in unitChanges)
            {
                if (!moved.Contains(eventId) && stored.TryGetValue(eventId, out var was))
                {
                    targets.Add((LockTarget.OfEvent(was.CampaignId, was.StartsAt, UnitsAfter(eventId, was.Units)), EventField));
                }
            }

            targets.AddRange(figures.Select(f => (f, FigureField)));
            return targets;
        }

        private List<int> UnitsAfter(int eventId, IEnumerable<int> before)
        {
            if (!unitChanges.TryGetValue(eventId, out var change))
            {
                return before.ToList();
            }

            return before.Except(change.Removed).Union(change.Added).ToList();
        }
    }
}
