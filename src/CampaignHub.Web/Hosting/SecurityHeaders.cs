using System.Security.Cryptography;

namespace CampaignHub.Web.Hosting;

/// <summary>
/// The headers every response carries. The content security policy is what the Blazor Server app and MudBlazor need
/// and no more: scripts only from the app itself (the framework's inline import map carries the request's nonce),
/// styles also inline (MudBlazor sets style attributes and writes its theme as a style element), images and fonts
/// also as data: URLs (photos, the report preview, whose srcdoc document inherits this policy), the circuit's
/// WebSocket to the app itself, no plugins, no framing by other sites, forms only to the app.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "CampaignHub.CspNonce";

    public const string PermissionsPolicy = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    /// <summary>The request's script nonce, for the one inline script the framework writes (the import map).</summary>
    public static string CspNonce(this HttpContext context)
    {
        if (context.Items[NonceKey] is not string nonce)
        {
            // Hex, not base64: Razor writes "+" in an attribute as "&#x2B;", so a base64 nonce would differ in the
            // markup from the header's text (the browser decodes it; a reader of the page source does not).
            nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceKey] = nonce;
        }

        return nonce;
    }

    public static string ContentSecurityPolicy(string nonce) =>
        "default-src 'self'; "
        + $"script-src 'self' 'nonce-{nonce}'; "
        + "style-src 'self' 'unsafe-inline'; "
        + "img-src 'self' data: blob:; "
        + "font-src 'self' data:; "
        + "connect-src 'self'; "
        + "frame-src 'self'; "
        + "frame-ancestors 'self'; "
        + "form-action 'self'; "
        + "base-uri 'self'; "
        + "object-src 'none'";

    public static IApplicationBuilder UseCampaignHubSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            // When the response starts, so error paths that clear the headers (problem details) keep them too.
            context.Response.OnStarting(static state =>
            {
                var http = (HttpContext)state;
                var headers = http.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy(http.CspNonce());
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Permissions-Policy"] = PermissionsPolicy;
                return Task.CompletedTask;
            }, context);
            return next(context);
        });
}
