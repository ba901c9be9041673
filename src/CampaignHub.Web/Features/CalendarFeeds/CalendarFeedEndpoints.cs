using System.Text;
using CampaignHub.Web.Hosting;
using Microsoft.AspNetCore.Diagnostics;

namespace CampaignHub.Web.Features.CalendarFeeds;

public static class CalendarFeedEndpoints
{
    /// <summary>
    /// <c>GET /calendar/{token}.ics</c>, read by calendar apps without signing in: the secret token is the only key.
    /// Anything but a live feed's token is a 404 with an empty body, so a guess learns nothing; guessing fast gets 429s.
    /// </summary>
    public static IEndpointRouteBuilder MapCalendarFeeds(this IEndpointRouteBuilder endpoints)
    {
        // Only paths ending in .ics: other /calendar pages (the schedule views) stay free.
        endpoints.MapMethods("/calendar/{token}.ics", [HttpMethods.Get, HttpMethods.Head], async (
                string token, HttpContext context, CalendarFeedService feeds, CalendarFeedRenderer renderer, PublicAddress address,
                CancellationToken cancellationToken) =>
            {
                // No friendly "not found" page here: an empty 404 for every bad token.
                if (context.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
                {
                    statusPages.Enabled = false;
                }

                // Event links on the app's public address: the request's Host header is the caller's to choose. (The
                // token is a password: the request log masks it, LoggingExtensions.)
                var baseUrl = address.BaseUri is not null || context.Request.Host.HasValue ? address.BaseUrlOf(context.Request) : null;

                var feed = await feeds.OpenAsync(token, cancellationToken);
                if (feed is null)
                {
                    return Results.NotFound();
                }

                var body = Encoding.UTF8.GetBytes(await renderer.RenderAsync(feed, baseUrl, cancellationToken));
                // Calendar apps poll every few minutes: what they already hold is answered with a 304 and no body.
                // The tag is the feed's content, so any change that shows in the feed (an event, its roster, a name,
                // an event ageing out of the window) changes it, and nothing else does.
                var etag = FeedTag.Of(body);
                context.Response.Headers.CacheControl = FeedTag.CacheControl;
                context.Response.Headers.ETag = etag.ToString();
                if (FeedTag.Matches(context.Request, etag))
                {
                    return Results.StatusCode(StatusCodes.Status304NotModified);
                }

                return Results.Bytes(body, "text/calendar; charset=utf-8");
            })
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitingExtensions.CalendarFeedPolicy)
            .ExcludeFromDescription();
        return endpoints;
    }
}
