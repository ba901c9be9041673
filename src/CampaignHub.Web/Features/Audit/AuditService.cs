using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Association;
using CampaignHub.Web.Features.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampaignHub.Web.Features.Audit;

/// <summary>
/// The audit trail for admins: filtered and paged in the database, newest first. Each page is turned into what
/// people read (<see cref="AuditDescriber"/>): names instead of ids, the association's time, localised fields and values.
/// </summary>
public sealed class AuditService(
    IDbContextFactory<CampaignHubDbContext> dbFactory,
    AssociationClock clock,
    IStringLocalizer<SharedResource> localizer)
{
    /// <summary>The kinds of record the trail holds, by their name in the user's language.</summary>
    public async Task<IReadOnlyList<AuditEntityType>> EntityTypesAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        actor.RequireAdmin(localizer["Audit_Forbidden"]);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // What the trail holds, not a list kept beside the audited types: a newly audited type shows up by itself.
        var types = await db.AuditEntries.Select(a => a.EntityType).Distinct().ToListAsync(cancellationToken);
        return types.Select(t => new AuditEntityType(t, AuditDescriber.EntityName(localizer, t)))
            .OrderBy(t => t.Name, StringComparer.CurrentCulture)
            .ToList();
    }

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

        if (!string.IsNullOrWhiteSpace(query.User))
        {
            var text = query.User.Trim().ToLowerInvariant();
            entries = entries.Where(a =>
                (a.UserEmail != null && a.UserEmail.ToLower().Contains(text))
                || db.Users.Any(u => u.Id == a.UserId && u.DisplayName != null && u.DisplayName.ToLower().Contains(text)));
        }

        if (query.Action is { } action)
        {
            var code = Codes<AuditAction>.Of(action);
            entries = entries.Where(a => a.Action == code);
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
        var items = await new AuditDescriber(db, clock, localizer).DescribeAsync(rows, cancellationToken);
        return new PagedResult<AuditItem>(items, total, page, size);
    }
}
