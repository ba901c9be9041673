namespace CampaignHub.Web.Features.Notifications;

/// <summary>
/// The SMTP server e-mails go through (<c>Smtp:*</c>). With no <see cref="Host"/> the app sends no e-mail at all and
/// queues none; notifications still appear in the app. <see cref="Password"/> is never logged nor shown.
/// </summary>
public sealed class SmtpSettings
{
    public const string Section = "Smtp";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>The sender, e.g. <c>CampaignHub &lt;noreply@example.org&gt;</c> or a bare address.</summary>
    public string? From { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>TLS from the first byte (port 465); otherwise STARTTLS when the server offers it.</summary>
    public bool UseSsl { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}

/// <summary>
/// How the background delivery runs (<c>Notifications:*</c>): how often it looks for due reminders and e-mails, how
/// long a claim holds, the back-off after a failed e-mail, and when reminders go out.
/// </summary>
public sealed class NotificationSettings
{
    public const string Section = "Notifications";

    /// <summary>Whether this instance runs the background delivery (off in the test suites, which call it directly).</summary>
    public bool Background { get; set; } = true;

    public int PollSeconds { get; set; } = 30;

    /// <summary>How long a sender's claim on a reminder or an e-mail holds before another instance may take it over.</summary>
    public int ClaimSeconds { get; set; } = 120;

    /// <summary>The wait after the first failed attempt; it doubles with each further failure, up to <see cref="RetryMaxSeconds"/>.</summary>
    public int RetryBaseSeconds { get; set; } = 60;

    public int RetryMaxSeconds { get; set; } = 3_600;

    /// <summary>A failing e-mail is given up after this many attempts (and stays listed for the admins).</summary>
    public int MaxAttempts { get; set; } = 12;

    /// <summary>How many days before a period's due date units that have not submitted are reminded.</summary>
    public int DaysBeforeDue { get; set; } = 2;

    /// <summary>How many days after a due date an overdue reminder may still be first sent (not for periods long past).</summary>
    public int OverdueWindowDays { get; set; } = 14;
}
