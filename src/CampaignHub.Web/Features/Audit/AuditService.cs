using System.Text.Json;
using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Association;
using CampaignHub.Web.Features.Common;
using CampaignHub.Web.Features.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampaignHub.Web.Features.Audit;

/// <summary>The audit trail for admins: filtered and paged in the database, newest first, each change's old and new values.</summary>
public sealed class AuditService(
    IDbContextFactory<CampaignHubDbContext> dbFactory,
    AssociationClock clock,
    IStringLocalizer<SharedResource> localizer)
{
    /// <summary>The kinds of record the trail holds (see AuditTrail), for the filter.</summary>
    public static IReadOnlyList<string> EntityTypes { get; } =
    [
        nameof(Campaign), nameof(CampaignOrganiser), nameof(CampaignCommittee), nameof(CampaignTarget), nameof(CampaignOutcome),
        nameof(CampaignEvent), nameof(EventCommittee), nameof(EventSpeaker), nameof(EventPhoto), nameof(MetricValue),
        nameof(Committee), nameof(CommitteeCoordinator), nameof(Organisation), nameof(Venue), nameof(MetricDefinition),
        UserAdministrationService.AuditEntityType,
    ];

    public static IReadOnlyList<string> Actions { get; } = ["create", "update", "delete"];

    public async Task<PagedResult<AuditItem>> ListAsync(Actor actor, AuditQuery query, CancellationToken cancellationToken = default)
    {
        actor.RequireAdmin(localizer["Audit_Forbidden"]);
        if (query.From is { } f && query.To is { } t && t < f)
        {
            var errors = new ValidationErrors();
            errors.Add("to", localizer["Totals_Error_ToBeforeFrom"]);
            errors.ThrowIfAny();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.EntityType))
        {
            entries = entries.Where(a => a.EntityType == query.EntityType);
        }

        if (!string.IsNullOrWhiteSpace(query.UserEmail))
        {
            var email = query.UserEmail.Trim().ToLowerInvariant();
            entries = entries.Where(a => a.UserEmail != null && a.UserEmail.ToLower().Contains(email));
        }

        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            entries = entries.Where(a => a.Action == query.Action);
        }

        if (query.CampaignId is { } campaignId)
        {
            entries = entries.Where(a => a.CampaignId == campaignId);
        }

        // Entries are stamped in UTC; the filter's days are the association's.
        if (query.From is { } from)
        {
            var start = clock.ToUtc(from.ToDateTime(TimeOnly.MinValue));
            entries = entries.Where(a => a.At >= start);
        }

        if (query.To is { } to)
        {
            var end = clock.ToUtc(Period.EndAfter(to));
            entries = entries.Where(a => a.At < end);
        }

        var total = await entries.CountAsync(cancellationToken);
        var page = Math.Max(1, query.Page);
        var size = Math.Clamp(query.PageSize, 1, AuditQuery.MaxPageSize);
        var rows = await entries.OrderByDescending(a => a.Id).Skip((page - 1) * size).Take(size).ToListAsync(cancellationToken);
        var items = rows.Select(a => new AuditItem(
                a.Id, TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(a.At, DateTimeKind.Utc), clock.TimeZone),
                a.UserEmail, a.EntityType, a.EntityId, a.Action, a.CampaignId, ParseChanges(a.Changes)))
            .ToList();
        return new PagedResult<AuditItem>(items, total, page, size);
    }

    /// <summary>{"Name": {"old": …, "new": …}, …} → one change per property; values as plain text.</summary>
    internal static IReadOnlyList<AuditChange> ParseChanges(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return [];
            }

            return document.RootElement.EnumerateObject()
                .Select(p => new AuditChange(p.Name, Text(p.Value, "old"), Text(p.Value, "new")))
                .ToList();
        }
        catch (JsonException)
        {
            return [new AuditChange("?", null, json)];
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
}
