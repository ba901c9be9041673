using System.Globalization;
using System.Text.Json;
using CampaignHub.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CampaignHub.Web.Data;

/// <summary>Turns tracked changes of the domain's records into audit entries with old and new values.</summary>
internal static class AuditTrail
{
    // Identity, keys, tokens and the audit itself are not domain records; photos' bytes are never copied.
    private static readonly HashSet<Type> Audited =
    [
        typeof(Organisation), typeof(Venue), typeof(Committee), typeof(CommitteeCoordinator), typeof(Campaign),
        typeof(CampaignOrganiser), typeof(CampaignCommittee), typeof(CampaignTarget), typeof(CampaignOutcome),
        typeof(MetricDefinition), typeof(MetricApplicability), typeof(CampaignEvent), typeof(EventCommittee), typeof(EventSpeaker),
        typeof(EventPhoto), typeof(MetricValue), typeof(DutyAssignment), typeof(FinalisedReport),
    ];

    private static readonly HashSet<string> Skipped =
        [
            nameof(EventPhoto.Content), nameof(IVersioned.Version), nameof(CampaignEvent.CalendarSequence),
            nameof(FinalisedReport.Pdf), nameof(FinalisedReport.Snapshot),
        ];

    public static List<PendingAudit> Capture(ChangeTracker tracker) =>
        tracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                        && Audited.Contains(e.Entity.GetType()))
            .Select(e => new PendingAudit(e, e.State, Describe(e)))
            .Where(p => p.Changes.Count > 0)
            .ToList();

    private static Dictionary<string, object?[]> Describe(EntityEntry entry)
    {
        var changes = new Dictionary<string, object?[]>();
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (Skipped.Contains(name))
            {
                continue;
            }

            switch (entry.State)
            {
                case EntityState.Added:
                    changes[name] = [null, Plain(property.CurrentValue)];
                    break;
                case EntityState.Deleted:
                    changes[name] = [Plain(property.OriginalValue), null];
                    break;
                case EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue):
                    changes[name] = [Plain(property.OriginalValue), Plain(property.CurrentValue)];
                    break;
            }
        }

        return changes;
    }

    private static object? Plain(object? value) => value switch
    {
        null => null,
        Enum e => e.ToString(),
        DateTime d => d.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => value,
    };

    internal sealed record PendingAudit(EntityEntry Entry, EntityState State, Dictionary<string, object?[]> Changes)
    {
        public AuditEntry ToEntry(AuditActor? actor, DateTime at)
        {
            var key = Entry.Metadata.FindPrimaryKey()!.Properties
                .Select(p => Convert.ToString(Entry.Property(p.Name).CurrentValue, CultureInfo.InvariantCulture));
            // Keys assigned by the database, and foreign keys to records created in the same save, were temporary
            // when captured; they are known now.
            if (State == EntityState.Added)
            {
                foreach (var (name, values) in Changes)
                {
                    values[1] = Plain(Entry.Property(name).CurrentValue);
                }
            }

            return new AuditEntry
            {
                At = at,
                UserId = actor?.UserId,
                UserEmail = actor?.Email,
                EntityType = Entry.Metadata.ClrType.Name,
                EntityId = string.Join(':', key),
                Action = State switch
                {
                    EntityState.Added => "create",
                    EntityState.Deleted => "delete",
                    _ => "update",
                },
                Changes = JsonSerializer.Serialize(Changes.ToDictionary(c => c.Key, c => new { old = c.Value[0], @new = c.Value[1] })),
                CampaignId = Entry.Metadata.FindProperty("CampaignId") is not null
                    ? Entry.Property("CampaignId").CurrentValue as int?
                    : Entry.Entity is Campaign campaign ? campaign.Id : null,
            };
        }
    }
}
