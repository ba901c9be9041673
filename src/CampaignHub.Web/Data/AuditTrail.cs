using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using CampaignHub.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

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
        if (entry.State == EntityState.Added)
        {
            return DescribeAdded(entry);
        }

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

    /// <summary>
    /// A new record's values, read straight from the object (a 10,000-row import adds 70,000 records; a property
    /// entry for each of their values cost half a second). Keys and other values the database assigns are read again in
    /// <see cref="PendingAudit.ToEntry"/>.
    /// </summary>
    private static Dictionary<string, object?[]> DescribeAdded(EntityEntry entry)
    {
        var properties = AuditedProperties.GetOrAdd(entry.Metadata, static type =>
        {
            var skipped = SkippedOf(type.ClrType);
            return type.GetProperties().Where(p => !skipped.Contains(p.Name)).ToArray();
        });
        var changes = new Dictionary<string, object?[]>(properties.Length);
        foreach (var property in properties)
        {
            var value = property.IsShadowProperty()
                ? entry.Property(property).CurrentValue
                : property.GetGetter().GetClrValueUsingContainingEntity(entry.Entity);
            changes[property.Name] = [null, Plain(value)];
        }

        return changes;
    }

    private static readonly ConcurrentDictionary<IEntityType, IProperty[]> AuditedProperties = new();

    private static object? Plain(object? value) => value switch
    {
        null => null,
        Enum e => e.ToString(),
        DateTime d => d.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => value,
    };

    /// <summary>
    /// <c>{"Title":{"old":…,"new":…},…}</c>, written straight to UTF-8: a 10,000-row import writes 70,000 of these,
    /// and serialising a dictionary of anonymous objects for each took longer than inserting them.
    /// </summary>
    internal static string ChangesJson(Dictionary<string, object?[]> changes)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var (name, values) in changes)
            {
                json.WriteStartObject(name);
                Write(json, "old", values[0]);
                Write(json, "new", values[1]);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Write(Utf8JsonWriter json, string name, object? value)
    {
        switch (value)
        {
            case null: json.WriteNull(name); break;
            case string text: json.WriteString(name, text); break;
            case bool flag: json.WriteBoolean(name, flag); break;
            case int number: json.WriteNumber(name, number); break;
            case long number: json.WriteNumber(name, number); break;
            case decimal number: json.WriteNumber(name, number); break;
            default:
                json.WritePropertyName(name);
                JsonSerializer.Serialize(json, value, value.GetType());
                break;
        }
    }

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
                foreach (var property in Entry.Metadata.GetProperties().Where(p => p.IsKey() || p.IsForeignKey() || p.ValueGenerated != ValueGenerated.Never))
                {
                    if (Changes.TryGetValue(property.Name, out var values))
                    {
                        values[1] = Plain(Entry.Property(property).CurrentValue);
                    }
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
                Changes = ChangesJson(Changes),
                CampaignId = Entry.Metadata.FindProperty("CampaignId") is not null
                    ? Entry.Property("CampaignId").CurrentValue as int?
                    : Entry.Entity is Campaign campaign ? campaign.Id : null,
            };
        }
    }
}
