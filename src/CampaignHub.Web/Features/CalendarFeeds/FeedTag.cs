using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace CampaignHub.Web.Features.CalendarFeeds;

/// <summary>A calendar feed's entity tag and the conditional request that names it (RFC 9110, 8.8.3 and 13.1.2).</summary>
internal static class FeedTag
{
    /// <summary>
    /// Only the subscriber's calendar may keep it (the URL is a secret, never for shared caches), for the 5 minutes
    /// the README promises; after that it asks again with If-None-Match and mostly gets a 304.
    /// </summary>
    public const string CacheControl = "private, max-age=300";

    /// <summary>A strong tag from the bytes sent: 128 bits of their SHA-256, in URL-safe base64.</summary>
    public static EntityTagHeaderValue Of(ReadOnlySpan<byte> body)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(body, hash);
        return new EntityTagHeaderValue($"\"{Convert.ToBase64String(hash[..16]).TrimEnd('=').Replace('+', '-').Replace('/', '_')}\"");
    }

    /// <summary>If-None-Match names this tag (weak comparison, as the RFC asks for this header) or is "*".</summary>
    public static bool Matches(HttpRequest request, EntityTagHeaderValue current)
    {
        var header = request.Headers.IfNoneMatch;
        if (header.Count == 0 || !EntityTagHeaderValue.TryParseList(header, out var tags))
        {
            return false;
        }

        return tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: false));
    }
}
