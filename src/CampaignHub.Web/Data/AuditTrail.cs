using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using CampaignHub.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CampaignHub.Web.Data;

/// <summary>
/// Turns tracked changes of the domain's records (<see cref="IAudited"/> types) into audit entries with old and new
/// values. Identity, keys, tokens and the audit itself are not domain records.
/// </summary>
internal static class AuditTrail
{
    // Per record type, the properties the trail leaves out: [NotAudited] ones and the version.
    private static readonly ConcurrentDictionary<Type, FrozenSet<string>> Skipped = new();

    public static List<PendingAudit> Capture(IEnumerable<EntityEntry> changed) =>
        changed
            .Where(e => e.Entity is IAudited)
            .Select(e => new PendingAudit(e, e.State, Describe(e)))
            .Where(p => p.Changes.Count > 0)
            .ToList();

    private static FrozenSet<string> SkippedOf(Type type) => Skipped.GetOrAdd(type, static t =>
        t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.IsDefined(typeof(NotAuditedAttribute), inherit: true)
                        || (typeof(IVersioned).IsAssignableFrom(t) && p.Name == nameof(IVersioned.Version)))
            .Select(p => p.Name)
            .ToFrozenSet());

    private static Dictionary<string, object?[]> Describe(EntityEntry entry)
    {
        var changes = new Dictionary<string, object?[]>();
        var skipped = SkippedOf(entry.Metadata.ClrType);
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (skipped.Contains(name))
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
