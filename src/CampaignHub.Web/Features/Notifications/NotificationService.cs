using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampaignHub.Web.Features.Notifications;

/// <summary>One notification as its reader sees it, in their language now.</summary>
public sealed record NotificationItem(long Id, NotificationKind Kind, string Title, string Body, string? Link, DateTime CreatedAt, bool Read);

/// <summary>A person's notifications: newest first, with the number still unread.</summary>
public sealed record NotificationList(int Unread, IReadOnlyList<NotificationItem> Items);

/// <summary>
/// A person's own notifications (the bell): everyone signed in reads and marks only their own; someone else's
/// notification is not found (404), never shown.
/// </summary>
public sealed class NotificationService(
    IDbContextFactory<CampaignHubDbContext> dbFactory,
    TimeProvider time,
    IStringLocalizer<SharedResource> localizer)
{
    public async Task<int> UnreadCountAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Notifications.CountAsync(n => n.UserId == actor.UserId && n.ReadAt == null, cancellationToken);
    }

    public async Task<NotificationList> ListAsync(Actor actor, bool unreadOnly = false, int? take = null, CancellationToken cancellationToken = default)
    {
        var errors = new ValidationErrors();
        if (take is < 1 or > NotificationLimits.MaxListed)
        {
            errors.Add("take", string.Format(localizer["Notification_Error_Take"], NotificationLimits.MaxListed));
        }

        errors.ThrowIfAny();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == actor.UserId);
        var unread = await mine.CountAsync(n => n.ReadAt == null, cancellationToken);
        var rows = await (unreadOnly ? mine.Where(n => n.ReadAt == null) : mine)
            .OrderByDescending(n => n.Id).Take(take ?? 50)
            .Select(n => new { n.Id, n.Kind, n.Parameters, n.Link, n.CreatedAt, n.ReadAt })
            .ToListAsync(cancellationToken);
        return new NotificationList(unread, rows.Select(n =>
        {
            var text = NotificationTexts.Render(localizer, n.Kind, NotificationParameters.FromJson(n.Parameters));
            return new NotificationItem(n.Id, n.Kind, text.Title, text.Body, n.Link, DateTime.SpecifyKind(n.CreatedAt, DateTimeKind.Utc), n.ReadAt is not null);
        }).ToList());
    }

    /// <summary>Marks one of the actor's notifications read (again: no change); returns the unread count left.</summary>
    public async Task<int> MarkReadAsync(Actor actor, long id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var notification = await db.Notifications.FirstOrDefaultAsync(n => n.Id == id && n.UserId == actor.UserId, cancellationToken)
                           ?? throw new NotFoundException(string.Format(localizer["Notification_NotFound"], id));
        notification.ReadAt ??= time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return await db.Notifications.CountAsync(n => n.UserId == actor.UserId && n.ReadAt == null, cancellationToken);
    }

    /// <summary>Marks all the actor's notifications read; returns how many were unread.</summary>
    public async Task<int> MarkAllReadAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        return await db.Notifications.Where(n => n.UserId == actor.UserId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
    }
}
