using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CampaignHub.Web.Features.Notifications;

/// <summary>An e-mail that has not gone out after at least one attempt.</summary>
public sealed record FailingEmail(long Id, string To, string Subject, int Attempts, DateTime? LastAttemptAt, string? LastError, DateTime NextAttemptAt, bool GivenUp);

/// <summary>
/// The state of e-mail for admins: whether SMTP is set up, how many wait, how many went out in the last day, and
/// the failing ones with the server's answer. Never the settings' user name or password.
/// </summary>
public sealed record MailStatus(bool Configured, string? Server, int Waiting, int Failing, int SentLastDay, IReadOnlyList<FailingEmail> Failures);

public sealed class MailStatusService(
    IDbContextFactory<CampaignHubDbContext> dbFactory,
    IOptions<SmtpSettings> smtp,
    IOptions<NotificationSettings> settings,
    TimeProvider time,
    IStringLocalizer<SharedResource> localizer)
{
    public const int MaxFailuresListed = 20;

    public async Task<MailStatus> GetAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        actor.RequireAdmin(localizer["Notification_Mail_AdminOnly"]);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var dayAgo = time.GetUtcNow().UtcDateTime.AddDays(-1);
        var maxAttempts = settings.Value.MaxAttempts;
        var waiting = await db.OutgoingEmails.CountAsync(m => m.SentAt == null && m.Attempts < maxAttempts, cancellationToken);
        var failing = db.OutgoingEmails.AsNoTracking().Where(m => m.SentAt == null && m.Attempts > 0);
        var failures = await failing.OrderByDescending(m => m.LastAttemptAt).ThenByDescending(m => m.Id).Take(MaxFailuresListed)
            .Select(m => new { m.Id, m.ToAddress, m.Subject, m.Attempts, m.LastAttemptAt, m.LastError, m.NextAttemptAt })
            .ToListAsync(cancellationToken);
        var server = smtp.Value;
        return new MailStatus(
            server.IsConfigured,
            server.IsConfigured ? $"{server.Host}:{server.Port}" : null,
            waiting,
            await failing.CountAsync(cancellationToken),
            await db.OutgoingEmails.CountAsync(m => m.SentAt != null && m.SentAt >= dayAgo, cancellationToken),
            failures.Select(m => new FailingEmail(m.Id, m.ToAddress, m.Subject, m.Attempts, Utc(m.LastAttemptAt), m.LastError,
                DateTime.SpecifyKind(m.NextAttemptAt, DateTimeKind.Utc), m.Attempts >= maxAttempts)).ToList());
    }

    private static DateTime? Utc(DateTime? value) => value is { } v ? DateTime.SpecifyKind(v, DateTimeKind.Utc) : null;
}
