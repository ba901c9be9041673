using System.Globalization;
using System.Text.Json;
using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Association;
using CampaignHub.Web.Features.Common;
using CampaignHub.Web.Features.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Localization;

namespace CampaignHub.Web.Features.Audit;

/// <summary>
/// Turns one page of stored audit entries into what an admin reads: the person's name instead of a user id, a
/// campaign, unit, event or metric by its name instead of its number, UTC stamps in the association's time,
/// codes by their localised names, and each field by its label. The names a page refers to are loaded in one query
/// per kind of record (at most a page's worth of ids each), so the trail stays paged in the database.
/// </summary>
internal sealed class AuditDescriber(CampaignHubDbContext db, AssociationClock clock, IStringLocalizer localizer)
{
    /// <summary>A stored value longer than this (a narrative) is cut for the list.</summary>
    public const int MaxValueLength = 300;

    private enum Reference
    {
        Campaign,
        Unit,
        Event,
        Organisation,
        Venue,
        Metric,
        User,
    }

    // Foreign keys by property name, the same in every audited type.
    private static readonly Dictionary<string, Reference> ReferenceProperties = new()
    {
        ["CampaignId"] = Reference.Campaign,
        ["UnitId"] = Reference.Unit,
        ["EventId"] = Reference.Event,
        ["OrganisationId"] = Reference.Organisation,
        ["HostOrganisationId"] = Reference.Organisation,
        ["NextHostOrganisationId"] = Reference.Organisation,
        ["ParentId"] = Reference.Organisation,
        ["VenueId"] = Reference.Venue,
        ["MetricDefinitionId"] = Reference.Metric,
        ["NumeratorMetricId"] = Reference.Metric,
        ["DenominatorMetricId"] = Reference.Metric,
        ["UserId"] = Reference.User,
        ["CreatedById"] = Reference.User,
        ["UpdatedById"] = Reference.User,
        ["FinalisedById"] = Reference.User,
        ["UnlockedById"] = Reference.User,
    };

    // Records that are themselves one of the references: their name is the record's name.
    private static readonly Dictionary<string, Reference> NamedRecords = new()
    {
        [nameof(Campaign)] = Reference.Campaign,
        [nameof(Unit)] = Reference.Unit,
        [nameof(CampaignEvent)] = Reference.Event,
        [nameof(Organisation)] = Reference.Organisation,
        [nameof(Venue)] = Reference.Venue,
        [nameof(MetricDefinition)] = Reference.Metric,
        [UserAdministrationService.AuditEntityType] = Reference.User,
    };

    private static readonly Reference[] RecordNameOrder =
        [Reference.User, Reference.Metric, Reference.Unit, Reference.Organisation, Reference.Venue, Reference.Campaign, Reference.Event];

    // The record's own words, when the changes carry them (a speaker's name, a photo's file, a report's title).
    private static readonly string[] OwnNameProperties = ["Name", "Title", "FileName", "Email"];

    // Wall-clock times of events and shifts are the association's already; every other time is a UTC stamp.
    private static readonly HashSet<string> WallClockTimes = ["StartsAt", "EndsAt"];

    private readonly Dictionary<Reference, Dictionary<string, string>> names = Enum.GetValues<Reference>().ToDictionary(r => r, _ => new Dictionary<string, string>());
    private readonly Dictionary<string, string?> emails = [];
    private readonly Dictionary<string, int> eventCampaigns = [];

    public static string EntityName(IStringLocalizer localizer, string entityType)
    {
        var text = localizer[$"Audit_Entity_{entityType}"];
        return text.ResourceNotFound ? entityType : text;
    }

    public async Task<IReadOnlyList<AuditItem>> DescribeAsync(IReadOnlyList<AuditEntry> rows, CancellationToken cancellationToken)
    {
        var entries = rows.Select(row => new Parsed(row, Type(row.EntityType), ParseChanges(row.Changes))).ToList();
        await AddCurrentReferencesAsync(entries, cancellationToken);
        await LoadNamesAsync(entries, cancellationToken);
        return entries.Select(Describe).ToList();
    }

    private AuditItem Describe(Parsed entry)
    {
        var row = entry.Row;
        var action = Codes<AuditAction>.TryParse(row.Action, out var parsed) ? parsed : AuditAction.Update;
        var changes = entry.Changes
            .Select(c => new AuditChange(c.Property, Label(c.Property), Format(entry, c.Property, c.Old), Format(entry, c.Property, c.New)))
            .ToList();
        return new AuditItem(
            row.Id,
            TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(row.At, DateTimeKind.Utc), clock.TimeZone),
            row.UserId is { } userId ? NameOf(Reference.User, userId) ?? row.UserEmail : row.UserEmail,
            row.UserId is { } id && emails.GetValueOrDefault(id) is { } email ? email : row.UserEmail,
            row.EntityType,
            EntityName(localizer, row.EntityType),
            row.EntityId,
            RecordName(entry),
            action,
            CampaignOf(entry),
            CampaignOf(entry) is { } campaignId ? NameOf(Reference.Campaign, Invariant(campaignId)) : null,
            changes);
    }

    /// <summary>"义诊进社区", or for a record that belongs to others "王护士 · 义诊进社区": what it is, without its number.</summary>
    private string? RecordName(Parsed entry)
    {
        if (NamedRecords.TryGetValue(entry.Row.EntityType, out var reference))
        {
            return NameOf(reference, entry.Row.EntityId) ?? OwnName(entry);
        }

        var parts = new List<string>();
        if (OwnName(entry) is { } own)
        {
            parts.Add(own);
        }

        // The campaign is shown on its own; the rest of what the record belongs to names it, the event last
        // ("王护士 · 义诊进社区": who or what, then where).
        var belongsTo = entry.References
            .Where(r => r.Key != "CampaignId" && !r.Key.EndsWith("ById", StringComparison.Ordinal))
            .OrderBy(r => Array.IndexOf(RecordNameOrder, ReferenceProperties[r.Key]));
        foreach (var (property, value) in belongsTo)
        {
            if (NameOf(ReferenceProperties[property], value) is { } name && !parts.Contains(name))
            {
                parts.Add(name);
            }
        }

        return parts.Count > 0 ? string.Join(" · ", parts) : null;
    }

    private static string? OwnName(Parsed entry) =>
        OwnNameProperties
            .SelectMany(p => entry.Changes.Where(c => c.Property == p).Select(c => c.New ?? c.Old))
            .FirstOrDefault(name => name is not null);

    private string Label(string property)
    {
        var text = localizer[$"Audit_Field_{property}"];
        return text.ResourceNotFound ? property : text;
    }

    private string? Format(Parsed entry, string property, string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (ReferenceProperties.TryGetValue(property, out var reference))
        {
            return NameOf(reference, value) ?? $"#{value}";
        }

        if (entry.Row.EntityType == UserAdministrationService.AuditEntityType)
        {
            return property switch
            {
                "Role" => string.Join("、", value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(RoleName)),
                "Locked" => YesNo(value),
                _ => value,
            };
        }

        var type = entry.Type?.FindProperty(property)?.ClrType;
        type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            { IsEnum: true } => ParseEnum(type, value) is { } e ? CodeTexts.Name(localizer, e) : value,
            _ when type == typeof(bool) => YesNo(value),
            _ when type == typeof(decimal) && decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) =>
                number.ToString("0.##", CultureInfo.InvariantCulture),
            _ when type == typeof(DateTime) && DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) =>
                (WallClockTimes.Contains(property) ? time : TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(time, DateTimeKind.Utc), clock.TimeZone))
                .ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            _ => value.Length > MaxValueLength ? value[..MaxValueLength] + "…" : value,
        };
    }

    private string YesNo(string value) =>
        bool.TryParse(value, out var flag) ? localizer[flag ? "Audit_Yes" : "Audit_No"] : value;

    private string RoleName(string role)
    {
        var text = localizer[$"Role_{role}"];
        return text.ResourceNotFound ? role : text;
    }

    /// <summary>Stored as the member's name (FreeClinic) or as its code (free_clinic): either is read.</summary>
    private static Enum? ParseEnum(Type type, string value)
    {
        if (Enum.TryParse(type, value, ignoreCase: true, out var named) && Enum.IsDefined(type, named))
        {
            return (Enum)named;
        }

        var compact = value.Replace("_", "", StringComparison.Ordinal);
        return Enum.TryParse(type, compact, ignoreCase: true, out var coded) && Enum.IsDefined(type, coded) ? (Enum)coded : null;
    }

    /// <summary>The entry's campaign, or for a record without one (an event's unit), its event's.</summary>
    private int? CampaignOf(Parsed entry) =>
        entry.Row.CampaignId
        ?? (entry.References.TryGetValue("EventId", out var eventId) && eventCampaigns.TryGetValue(eventId, out var campaignId) ? campaignId : null);

    private string? NameOf(Reference reference, string id) => names[reference].GetValueOrDefault(id);

    private IEntityType? Type(string entityType) =>
        db.Model.GetEntityTypes().FirstOrDefault(t => t.ClrType.Name == entityType && t.ClrType.Namespace == typeof(Campaign).Namespace);

    /// <summary>
    /// The references of every entry: its key's parts (a unit of a campaign: "3:7"), the foreign keys among its
    /// changes, and for figures and shifts whose update changed only a value, the event and metric they belong to now.
    /// </summary>
    private async Task AddCurrentReferencesAsync(List<Parsed> entries, CancellationToken cancellationToken)
    {
        foreach (var entry in entries)
        {
            var key = entry.Type?.FindPrimaryKey()?.Properties.Select(p => p.Name).ToList() ?? [];
            var parts = entry.Row.EntityId.Split(':');
            if (key.Count == parts.Length)
            {
                for (var i = 0; i < key.Count; i++)
                {
                    if (ReferenceProperties.ContainsKey(key[i]))
                    {
                        entry.References[key[i]] = parts[i];
                    }
                }
            }

            foreach (var change in entry.Changes.Where(c => ReferenceProperties.ContainsKey(c.Property)))
            {
                if ((change.New ?? change.Old) is { } value)
                {
                    entry.References.TryAdd(change.Property, value);
                }
            }
        }

        var figureIds = IdsOf(entries, nameof(MetricValue), "EventId").Select(long.Parse).ToList();
        if (figureIds.Count > 0)
        {
            var figures = await db.MetricValues.AsNoTracking().Where(v => figureIds.Contains(v.Id))
                .Select(v => new { v.Id, v.EventId, v.MetricDefinitionId, v.UnitId }).ToListAsync(cancellationToken);
            foreach (var figure in figures)
            {
                foreach (var entry in entries.Where(e => e.Row.EntityType == nameof(MetricValue) && e.Row.EntityId == Invariant(figure.Id)))
                {
                    entry.References.TryAdd("MetricDefinitionId", Invariant(figure.MetricDefinitionId));
                    if (figure.EventId is { } eventId)
                    {
                        entry.References.TryAdd("EventId", Invariant(eventId));
                    }

                    if (figure.UnitId is { } unitId)
                    {
                        entry.References.TryAdd("UnitId", Invariant(unitId));
                    }
                }
            }
        }

        var dutyIds = IdsOf(entries, nameof(DutyAssignment), "EventId").Select(int.Parse).ToList();
        if (dutyIds.Count > 0)
        {
            var duties = await db.DutyAssignments.AsNoTracking().Where(d => dutyIds.Contains(d.Id))
                .Select(d => new { d.Id, d.EventId, d.UserId }).ToListAsync(cancellationToken);
            foreach (var duty in duties)
            {
                foreach (var entry in entries.Where(e => e.Row.EntityType == nameof(DutyAssignment) && e.Row.EntityId == Invariant(duty.Id)))
                {
                    entry.References.TryAdd("UserId", duty.UserId);
                    entry.References.TryAdd("EventId", Invariant(duty.EventId));
                }
            }
        }
    }

    private static IEnumerable<string> IdsOf(IEnumerable<Parsed> entries, string entityType, string missing) =>
        entries.Where(e => e.Row.EntityType == entityType && !e.References.ContainsKey(missing)
                           && long.TryParse(e.Row.EntityId, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .Select(e => e.Row.EntityId).Distinct();

    private async Task LoadNamesAsync(List<Parsed> entries, CancellationToken cancellationToken)
    {
        var wanted = Enum.GetValues<Reference>().ToDictionary(r => r, _ => new HashSet<string>());
        foreach (var entry in entries)
        {
            if (entry.Row.UserId is { } userId)
            {
                wanted[Reference.User].Add(userId);
            }

            if (entry.Row.CampaignId is { } campaignId)
            {
                wanted[Reference.Campaign].Add(Invariant(campaignId));
            }

            if (NamedRecords.TryGetValue(entry.Row.EntityType, out var own))
            {
                wanted[own].Add(entry.Row.EntityId);
            }

            foreach (var (property, value) in entry.References)
            {
                wanted[ReferenceProperties[property]].Add(value);
            }

            foreach (var change in entry.Changes.Where(c => ReferenceProperties.ContainsKey(c.Property)))
            {
                foreach (var value in new[] { change.Old, change.New }.OfType<string>())
                {
                    wanted[ReferenceProperties[change.Property]].Add(value);
                }
            }
        }

        var english = UiLanguage.IsEnglish;
        var events = IntIds(wanted[Reference.Event]);
        var titles = await db.Events.AsNoTracking().Where(e => events.Contains(e.Id))
            .Select(e => new { e.Id, e.Title, e.CampaignId }).ToListAsync(cancellationToken);
        Add(Reference.Event, titles, e => e.Id, e => e.Title);
        foreach (var title in titles)
        {
            eventCampaigns[Invariant(title.Id)] = title.CampaignId;
            wanted[Reference.Campaign].Add(Invariant(title.CampaignId));
        }

        var campaigns = IntIds(wanted[Reference.Campaign]);
        Add(Reference.Campaign, await db.Campaigns.AsNoTracking().Where(c => campaigns.Contains(c.Id))
            .Select(c => new { c.Id, c.Name, c.NameEn }).ToListAsync(cancellationToken), c => c.Id, c => UiLanguage.Pick(c.Name, c.NameEn));
        var units = IntIds(wanted[Reference.Unit]);
        Add(Reference.Unit, await db.Units.AsNoTracking().Where(c => units.Contains(c.Id))
            .Select(c => new { c.Id, c.Name, c.NameEn }).ToListAsync(cancellationToken), c => c.Id, c => UiLanguage.Pick(c.Name, c.NameEn));
        var organisations = IntIds(wanted[Reference.Organisation]);
        Add(Reference.Organisation, await db.Organisations.AsNoTracking().Where(o => organisations.Contains(o.Id))
            .Select(o => new { o.Id, o.Name, o.NameEn }).ToListAsync(cancellationToken), o => o.Id, o => UiLanguage.Pick(o.Name, o.NameEn));
        var venues = IntIds(wanted[Reference.Venue]);
        Add(Reference.Venue, await db.Venues.AsNoTracking().Where(v => venues.Contains(v.Id))
            .Select(v => new { v.Id, v.Name }).ToListAsync(cancellationToken), v => v.Id, v => v.Name);
        var metrics = IntIds(wanted[Reference.Metric]);
        Add(Reference.Metric, await db.MetricDefinitions.AsNoTracking().Where(m => metrics.Contains(m.Id))
            .Select(m => new { m.Id, m.Name, m.NameEn }).ToListAsync(cancellationToken), m => m.Id, m => english ? m.NameEn : m.Name);
        var users = wanted[Reference.User].ToList();
        var people = await db.Users.AsNoTracking().Where(u => users.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(cancellationToken);
        foreach (var person in people)
        {
            names[Reference.User][person.Id] = string.IsNullOrWhiteSpace(person.DisplayName) ? person.Email ?? person.Id : person.DisplayName;
            emails[person.Id] = person.Email;
        }
    }

    private void Add<T>(Reference reference, IEnumerable<T> rows, Func<T, int> id, Func<T, string> name)
    {
        foreach (var row in rows)
        {
            names[reference][Invariant(id(row))] = name(row);
        }
    }

    private static List<int> IntIds(IEnumerable<string> ids) =>
        ids.Select(i => int.TryParse(i, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : (int?)null).OfType<int>().ToList();

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>{"Name": {"old": …, "new": …}, …} → one change per property; values as stored text.</summary>
    internal static IReadOnlyList<(string Property, string? Old, string? New)> ParseChanges(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return [];
            }

            return document.RootElement.EnumerateObject()
                .Select(p => (p.Name, Text(p.Value, "old"), Text(p.Value, "new")))
                .ToList();
        }
        catch (JsonException)
        {
            return [("?", null, json)];
        }
    }

    private static string? Text(JsonElement change, string name) =>
        change.ValueKind == JsonValueKind.Object && change.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                JsonValueKind.String => value.GetString(),
                _ => value.GetRawText(),
            }
            : null;

    private sealed record Parsed(AuditEntry Row, IEntityType? Type, IReadOnlyList<(string Property, string? Old, string? New)> Changes)
    {
        /// <summary>Foreign key → id, from the key, the changes, or the record as it is now.</summary>
        public Dictionary<string, string> References { get; } = [];
    }
}
