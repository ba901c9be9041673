using CampaignHub.Web.Domain;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;

namespace CampaignHub.Web.Components.Account;

internal sealed class IdentityRedirectManager(NavigationManager navigationManager)
{
    public const string StatusCookieName = "Identity.StatusMessage";

    /// <summary>Marks a status message as an error; localised text cannot be recognised by its words.</summary>
    public const string ErrorPrefix = "!";

    private static readonly CookieBuilder StatusCookieBuilder = new()
    {
        SameSite = SameSiteMode.Strict,
        HttpOnly = true,
        IsEssential = true,
        MaxAge = TimeSpan.FromSeconds(5),
    };

    public void RedirectTo(string? uri)
    {
        navigationManager.NavigateTo(LocalOrHome(uri));
    }

    /// <summary>
    /// Prevents open redirects: anything that is not plainly a page of this site goes to the home page. A ReturnUrl is
    /// the caller's to write, so every odd form (another host, a scheme, "//", backslashes, control characters, encoded
    /// variants of them, an absolute address in another spelling) is "go home", never an error.
    /// </summary>
    private string LocalOrHome(string? uri) => LocalOrHome(uri, navigationManager.BaseUri);

    internal static string LocalOrHome(string? uri, string baseUri)
    {
        if (string.IsNullOrWhiteSpace(uri) || uri.Length > 2048)
        {
            return "";
        }

        var candidate = uri;
        // An absolute address on this very site (scheme, host, port and path base compared as addresses, not as text).
        if (candidate.Contains("://", StringComparison.Ordinal))
        {
            if (!Uri.TryCreate(candidate, UriKind.Absolute, out var absolute) || absolute.Scheme is not ("http" or "https")
                || !Uri.TryCreate(baseUri, UriKind.Absolute, out var site)
                || Uri.Compare(absolute, site, UriComponents.SchemeAndServer, UriFormat.UriEscaped, StringComparison.OrdinalIgnoreCase) != 0
                || !string.IsNullOrEmpty(absolute.UserInfo)
                || !absolute.AbsolutePath.StartsWith(site.AbsolutePath, StringComparison.Ordinal))
            {
                return "";
            }

            candidate = absolute.PathAndQuery[site.AbsolutePath.Length..] + absolute.Fragment;
            if (candidate.StartsWith('/'))
            {
                // "HTTP://host//x": the path part starts with a second slash, another host to a browser.
                return "";
            }
        }

        return IsPlainLocalPath(candidate) && IsPlainLocalPath(Decoded(candidate)) ? candidate : "";
    }

    /// <summary>"/events/3?tab=x" or "Account/Manage": no scheme, no host, no backslash, no control characters or spaces.</summary>
    private static bool IsPlainLocalPath(string? path)
    {
        if (path is null || path.StartsWith("//", StringComparison.Ordinal) || path.Contains('\\')
            || path.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            return false;
        }

        // A colon before the first slash, question mark or hash is a scheme ("javascript:", "http:evil.example").
        var end = path.IndexOfAny(['/', '?', '#']);
        var head = end < 0 ? path : path[..end];
        return !head.Contains(':') && Uri.IsWellFormedUriString(path, UriKind.Relative);
    }

    private static string? Decoded(string path)
    {
        try
        {
            return Uri.UnescapeDataString(path);
        }
        catch (UriFormatException)
        {
            return null;
        }
    }

    public void RedirectTo(string uri, Dictionary<string, object?> queryParameters)
    {
        var uriWithoutQuery = navigationManager.ToAbsoluteUri(uri).GetLeftPart(UriPartial.Path);
        var newUri = navigationManager.GetUriWithQueryParameters(uriWithoutQuery, queryParameters);
        RedirectTo(newUri);
    }

    public void RedirectToWithStatus(string uri, string message, HttpContext context, bool isError = false)
    {
        context.Response.Cookies.Append(StatusCookieName, (isError ? ErrorPrefix : "") + message, StatusCookieBuilder.Build(context));
        RedirectTo(uri);
    }

    private string CurrentPath => navigationManager.ToAbsoluteUri(navigationManager.Uri).GetLeftPart(UriPartial.Path);

    public void RedirectToCurrentPage() => RedirectTo(CurrentPath);

    public void RedirectToCurrentPageWithStatus(string message, HttpContext context, bool isError = false)
        => RedirectToWithStatus(CurrentPath, message, context, isError);

    public void RedirectToInvalidUser(UserManager<ApplicationUser> userManager, HttpContext context)
        => RedirectTo("Account/InvalidUser");
}
