namespace CampaignHub.Web.Hosting;

/// <summary>
/// How much one client may ask for (<c>RateLimits</c> in appsettings). A client is its address as the app sees it
/// (behind a proxy: <c>X-Forwarded-For</c> from a known proxy; IPv6 by its /64 network, which one household or phone
/// gets). Each limit is a bucket: <c>Burst</c> requests at once, refilled at <c>PerMinute</c>. Past the limit the
/// answer is 429 with <c>Retry-After</c>.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Every API request (each checks a token or a cookie): a script paging through events stays well inside.</summary>
    public Bucket Api { get; set; } = new() { Burst = 120, PerMinute = 1200 };

    /// <summary>Calendar feeds: calendar apps fetch each subscription every few minutes to hours.</summary>
    public Bucket CalendarFeeds { get; set; } = new() { Burst = 30, PerMinute = 60 };

    /// <summary>Sign-in attempts (password, authenticator code, recovery code) from one client address, right or wrong.</summary>
    public Bucket SignInPerAddress { get; set; } = new() { Burst = 30, PerMinute = 20 };

    /// <summary>
    /// Failed sign-ins per account name, from anywhere. Above the lockout's five, so five wrong passwords still lock
    /// password sign-in for 15 minutes; this one stops guessing across many addresses.
    /// </summary>
    public Bucket FailedSignInPerAccount { get; set; } = new() { Burst = 10, PerMinute = 1 };

    public sealed class Bucket
    {
        public int Burst { get; set; }

        public int PerMinute { get; set; }
    }
}
