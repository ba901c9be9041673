using System.Globalization;
using System.Threading.RateLimiting;
using CampaignHub.Web.Hosting;
using Microsoft.Extensions.Options;

namespace CampaignHub.Web.Components.Account;

/// <summary>
/// Slows down guessing at the sign-in pages, per client address (every attempt counts: each costs a password hash)
/// and per account name (failed attempts count, from any address). The pages ask before they try the password and
/// report a failure after; a refusal is a 429 with Retry-After and a message in the user's language. This is what
/// stands between an attacker and the accounts; the lockout after five wrong passwords only pauses password sign-in,
/// and does not stop the account's API tokens or calendar feeds.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> byAddress;
    private readonly PartitionedRateLimiter<string> failuresByAccount;
    private readonly TimeSpan accountRefill;

    public SignInThrottle(IOptions<RateLimitOptions> options)
    {
        var limits = options.Value;
        byAddress = PartitionedRateLimiter.Create<string, string>(address =>
            RateLimitPartition.GetTokenBucketLimiter(address, _ => RateLimitingExtensions.Bucket(limits.SignInPerAddress)));
        var perAccount = RateLimitingExtensions.Bucket(limits.FailedSignInPerAccount);
        accountRefill = perAccount.ReplenishmentPeriod;
        failuresByAccount = PartitionedRateLimiter.Create<string, string>(account =>
            RateLimitPartition.GetTokenBucketLimiter(account, _ => perAccount));
    }

    /// <summary>
    /// Whether this client may try to sign in now as <paramref name="account"/> (null: the account is not named on
    /// this page, e.g. the authenticator code). On a refusal the response is already a 429 with Retry-After;
    /// <see cref="Refusal.Seconds"/> is for the page's message.
    /// </summary>
    public Refusal? TryBegin(HttpContext context, string? account)
    {
        using var address = byAddress.AttemptAcquire(RateLimitingExtensions.ClientOf(context));
        if (!address.IsAcquired)
        {
            return Refuse(context, address);
        }

        if (account is not null)
        {
            // Is there room left for another failure? The permit is taken only if this one fails. (Asking the
            // partitioned limiter for zero permits answers "acquired" even when none are left: read its count.)
            if (failuresByAccount.GetStatistics(Key(account)) is { CurrentAvailablePermits: <= 0 })
            {
                return Refuse(context, (int)Math.Ceiling(accountRefill.TotalSeconds));
            }
        }

        return null;
    }

    /// <summary>The attempt as <paramref name="account"/> failed (wrong password, or the account is locked out).</summary>
    public void Failed(string account)
    {
        using var _ = failuresByAccount.AttemptAcquire(Key(account));
    }

    public void Dispose()
    {
        byAddress.Dispose();
        failuresByAccount.Dispose();
    }

    private static string Key(string account) => account.Trim().ToUpperInvariant();

    private static Refusal Refuse(HttpContext context, RateLimitLease lease) =>
        Refuse(context, RateLimitingExtensions.RetryAfterSeconds(lease));

    private static Refusal Refuse(HttpContext context, int seconds)
    {
        seconds = Math.Max(1, seconds);
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return new Refusal(seconds);
    }

    /// <summary>How long to wait before trying again.</summary>
    public sealed record Refusal(int Seconds)
    {
        /// <summary>Whole minutes for the message, at least one.</summary>
        public int Minutes => Math.Max(1, (int)Math.Ceiling(Seconds / 60.0));
    }
}
