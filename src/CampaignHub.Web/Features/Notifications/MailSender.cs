using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CampaignHub.Web.Features.Notifications;

/// <summary>
/// Sends the queued e-mails (<see cref="OutgoingEmail"/>) through the SMTP server. Each row is claimed first by one
/// atomic UPDATE (not sent, due, and unclaimed or its claim lapsed), so of several app instances exactly one takes
/// it; a failed attempt keeps the server's answer and is tried again after a doubling back-off, and the app goes on
/// working meanwhile (nothing here runs on a request). The one gap SMTP leaves: an instance killed after the server
/// accepted a message and before its row was marked sent sends it again once its claim lapses.
/// </summary>
public sealed class MailSender(
    IDbContextFactory<CampaignHubDbContext> dbFactory,
    IOptions<SmtpSettings> smtp,
    IOptions<NotificationSettings> settings,
    SenderIdentity sender,
    TimeProvider time,
    ILogger<MailSender> logger)
{
    private const int Batch = 50;

    /// <summary>Sends what is due now; returns how many went out.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken = default)
    {
        var server = smtp.Value;
        if (!server.IsConfigured)
        {
            return 0;
        }

        var claimed = await ClaimAsync(cancellationToken);
        if (claimed.Count == 0)
        {
            return 0;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var mails = await db.OutgoingEmails.AsNoTracking().Where(m => claimed.Contains(m.Id)).OrderBy(m => m.Id).ToListAsync(cancellationToken);
        using var client = new SmtpClient();
        try
        {
            await client.ConnectAsync(server.Host!, server.Port, server.UseSsl ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTlsWhenAvailable, cancellationToken);
            if (!string.IsNullOrEmpty(server.UserName))
            {
                await client.AuthenticateAsync(server.UserName, server.Password ?? "", cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Host and port only: the user name and password never reach the log.
            logger.LogWarning("SMTP server {Host}:{Port} not reachable, {Count} e-mails wait: {Error}", server.Host, server.Port, mails.Count, ex.Message);
            foreach (var mail in mails)
            {
                await FailAsync(db, mail, ex.Message, cancellationToken);
            }

            return 0;
        }

        var sent = 0;
        var done = new List<long>();
        foreach (var mail in mails)
        {
            done.Add(mail.Id);
            try
            {
                await client.SendAsync(Message(server, mail), cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning("E-mail {Id} not accepted by the SMTP server: {Error}", mail.Id, ex.Message);
                await FailAsync(db, mail, ex.Message, cancellationToken);
                if (!client.IsConnected)
                {
                    break;
                }

                continue;
            }

            var now = Now;
            await db.OutgoingEmails.Where(m => m.Id == mail.Id && m.ClaimedBy == sender.Name)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, now).SetProperty(m => m.LastAttemptAt, now)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1).SetProperty(m => m.ClaimedUntil, (DateTime?)null), CancellationToken.None);
            sent++;
        }

        // Anything left claimed (the connection dropped) is released for the next pass.
        var left = claimed.Except(done).ToList();
        await db.OutgoingEmails.Where(m => left.Contains(m.Id) && m.SentAt == null && m.ClaimedBy == sender.Name)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, (DateTime?)null), CancellationToken.None);
        await client.DisconnectAsync(true, CancellationToken.None);
        return sent;
    }

    /// <summary>Claims each due e-mail by one conditional UPDATE: only the instance whose UPDATE changed the row sends it.</summary>
    private async Task<List<long>> ClaimAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = Now;
        var maxAttempts = settings.Value.MaxAttempts;
        var candidates = await db.OutgoingEmails.AsNoTracking()
            .Where(m => m.SentAt == null && m.Attempts < maxAttempts && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id).Select(m => m.Id).Take(Batch)
            .ToListAsync(cancellationToken);
        var until = now.AddSeconds(settings.Value.ClaimSeconds);
        var claimed = new List<long>();
        foreach (var id in candidates)
        {
            var taken = await db.OutgoingEmails
                .Where(m => m.Id == id && m.SentAt == null && (m.ClaimedUntil == null || m.ClaimedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, sender.Name).SetProperty(m => m.ClaimedUntil, until), cancellationToken);
            if (taken == 1)
            {
                claimed.Add(id);
            }
        }

        return claimed;
    }

    private async Task FailAsync(CampaignHubDbContext db, OutgoingEmail mail, string error, CancellationToken cancellationToken)
    {
        var now = Now;
        var attempts = mail.Attempts + 1;
        var wait = Math.Min(settings.Value.RetryMaxSeconds, settings.Value.RetryBaseSeconds * Math.Pow(2, Math.Min(attempts - 1, 20)));
        var next = now.AddSeconds(wait);
        var message = error.Length > NotificationLimits.ErrorMaxLength ? error[..NotificationLimits.ErrorMaxLength] : error;
        await db.OutgoingEmails.Where(m => m.Id == mail.Id && m.ClaimedBy == sender.Name)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Attempts, attempts).SetProperty(m => m.LastAttemptAt, now)
                .SetProperty(m => m.LastError, message).SetProperty(m => m.NextAttemptAt, next)
                .SetProperty(m => m.ClaimedUntil, (DateTime?)null), CancellationToken.None);
    }

    private static MimeMessage Message(SmtpSettings server, OutgoingEmail mail)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.TryParse(server.From, out var from) ? from : new MailboxAddress("CampaignHub", server.From ?? "noreply@localhost"));
        message.To.Add(new MailboxAddress(mail.ToName ?? "", mail.ToAddress));
        message.Subject = mail.Subject;
        message.Body = new TextPart("plain") { Text = mail.Body };
        // A stable id: a mail server or reader that sees the same message twice can tell.
        message.MessageId = $"campaignhub-{mail.Id}@{(from?.Domain is { Length: > 0 } domain ? domain : "localhost")}";
        return message;
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
