using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CampaignHub.Web.Hosting;

/// <summary>
/// ASP.NET Core rate limiting on what an anonymous client can make the app do at will: check API tokens (a database
/// lookup each) and calendar feed tokens. Sign-in is limited by the login pages themselves
/// (<see cref="Components.Account.SignInThrottle"/>), because the account name is in the form, not the address.
/// </summary>
public static class RateLimitingExtensions
{
    public const string ApiPolicy = "api";
    public const string CalendarFeedPolicy = "calendar-feeds";

    public static IServiceCollection AddCampaignHubRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section);
        services.AddSingleton<Components.Account.SignInThrottle>();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(ApiPolicy, context => PerClient(context, o => o.Api));
            options.AddPolicy(CalendarFeedPolicy, context => PerClient(context, o => o.CalendarFeeds));
            options.OnRejected = RejectAsync;
        });
        return services;
    }

    /// <summary>The client as the limits count them: its address; an IPv6 address by its /64, which one subscriber gets.</summary>
    public static string ClientOf(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            // No address (a test server, a Unix socket without a proxy): all such callers share one allowance.
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return new IPAddress(bytes) + "/64";
        }

        return address.ToString();
    }

    /// <summary>A token bucket of the configured size: <c>Burst</c> at once, refilled evenly at <c>PerMinute</c>.</summary>
    public static TokenBucketRateLimiterOptions Bucket(RateLimitOptions.Bucket bucket)
    {
        var perMinute = Math.Max(1, bucket.PerMinute);
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, bucket.Burst),
            TokensPerPeriod = perMinute >= 60 ? perMinute / 60 : 1,
            ReplenishmentPeriod = perMinute >= 60 ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(60.0 / perMinute),
            QueueLimit = 0,
            AutoReplenishment = true,
        };
    }

    /// <summary>Whole seconds to wait, at least one, as Retry-After says it.</summary>
    public static int RetryAfterSeconds(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 60;

    private static RateLimitPartition<string> PerClient(HttpContext context, Func<RateLimitOptions, RateLimitOptions.Bucket> pick)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        return RateLimitPartition.GetTokenBucketLimiter(ClientOf(context), _ => Bucket(pick(options)));
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        // The refusal is the answer: not re-executed as the friendly "not found" page (which, for an anonymous
        // calendar app, would turn the 429 into a redirect to the sign-in page).
        if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } statusPages)
        {
            statusPages.Enabled = false;
        }

        var seconds = RetryAfterSeconds(rejected.Lease);
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            var localizer = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            await TypedResults.Problem(
                    string.Format(CultureInfo.CurrentCulture, localizer["Api_Error_TooManyRequests_Detail"], seconds),
                    statusCode: StatusCodes.Status429TooManyRequests, title: localizer["Api_Error_TooManyRequests"])
                .ExecuteAsync(context);
        }

        // A calendar app reads only the status and Retry-After; an empty body, as for every other feed refusal.
    }
}
