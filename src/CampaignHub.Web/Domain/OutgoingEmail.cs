namespace CampaignHub.Web.Domain;

/// <summary>
/// An e-mail waiting to go out, or sent: written in the same transaction as the notification it carries, sent later
/// by the mail sender off the request path. A sender claims a row before sending (an atomic update of
/// <see cref="ClaimedBy"/>/<see cref="ClaimedUntil"/>), so several app instances never send one twice; a failed
/// attempt is kept (<see cref="LastError"/>) and retried after a back-off (<see cref="NextAttemptAt"/>).
/// </summary>
public sealed class OutgoingEmail : ICreated
{
    public long Id { get; set; }

    public long? NotificationId { get; set; }

    public Notification? Notification { get; set; }

    public required string ToAddress { get; set; }

    public string? ToName { get; set; }

    public required string Subject { get; set; }

    /// <summary>Plain text: nothing a user typed can turn into markup in a mail reader.</summary>
    public required string Body { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>The earliest time (UTC) the next attempt may be made.</summary>
    public DateTime NextAttemptAt { get; set; }

    public int Attempts { get; set; }

    public DateTime? LastAttemptAt { get; set; }

    /// <summary>Why the last attempt failed (the SMTP server's answer, never a setting's secret).</summary>
    public string? LastError { get; set; }

    public string? ClaimedBy { get; set; }

    public DateTime? ClaimedUntil { get; set; }

    public DateTime? SentAt { get; set; }
}
