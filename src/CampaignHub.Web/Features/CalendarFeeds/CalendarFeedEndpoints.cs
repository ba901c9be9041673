using System.Text;
using Microsoft.AspNetCore.Diagnostics;

namespace CampaignHub.Web.Features.CalendarFeeds;

public static class CalendarFeedEndpoints
{
    /// <summary>
    /// <c>GET /calendar/{token}.ics</c>, read by calendar apps without signing in: the secret token is the only key.
    /// Anything but a live feed's token is a 404 with an empty body, so a guess learns nothing.
    /// </summary>
    public static IEndpointRouteBuilder MapCalendarFeeds(this IEndpointRouteBuilder endpoints)
    {
        // Only paths ending in .ics: other /calendar pages (the schedule views) stay free.
        endpoints.MapMethods("/calendar/{token}.ics", [HttpMethods.Get, HttpMethods.Head], async (
                string token, HttpContext context, CalendarFeedService feeds, CalendarFeedRenderer renderer, CancellationToken cancellationToken) =>
            {
                // No friendly "not found" page here: an empty 404 for every bad token.
                if (context.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
                {
                    statusPages.Enabled = false;
                }

                var baseUrl = context.Request.Host.HasValue ? $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}" : null;
                // The token is a password: the request log records only the part the profile page shows.
                context.Request.Path = $"/calendar/{token[..Math.Min(token.Length, CalendarFeedService.TokenPrefix.Length + 6)]}….ics";

                var feed = await feeds.OpenAsync(token, cancellationToken);
                if (feed is null)
                {
                    return Results.NotFound();
                }

                var body = await renderer.RenderAsync(feed, baseUrl, cancellationToken);
                context.Response.Headers.CacheControl = "private, max-age=300";
                return Results.Text(body, "text/calendar; charset=utf-8", Encoding.UTF8);
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
        return endpoints;
    }
}
