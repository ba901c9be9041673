namespace CampaignHub.Web.Hosting;

/// <summary>
/// The address people reach the app at (<c>App:PublicBaseUrl</c>, e.g. <c>https://campaigns.example.org</c>), for
/// every link that leaves the app: calendar feed URLs, each event's link inside a feed, and sign-in redirects. A
/// request's Host header is whatever the caller typed, so links built from it could point anywhere; without the
/// setting the request's own address is used, which is only as good as <c>AllowedHosts</c> (fine in development).
/// </summary>
public sealed class PublicAddress
{
    public const string BaseUrlKey = "App:PublicBaseUrl";

    private PublicAddress(Uri? baseUri) => BaseUri = baseUri;

    /// <summary>Scheme, host, port and path base, without a trailing slash; null when not configured.</summary>
    public Uri? BaseUri { get; }

    public static PublicAddress FromConfiguration(IConfiguration configuration)
    {
        var text = configuration[BaseUrlKey]?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return new PublicAddress(null);
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            throw new StartupConfigurationException(BaseUrlKey,
                $"'{text}' is not an http(s) address without query or fragment, e.g. https://campaigns.example.org");
        }

        return new PublicAddress(new Uri(uri.GetLeftPart(UriPartial.Path).TrimEnd('/')));
    }

    /// <summary>The base to build links on: the configured one, or (not configured) the request's own.</summary>
    public string BaseUrlOf(HttpRequest request) =>
        BaseUri?.ToString().TrimEnd('/') ?? $"{request.Scheme}://{request.Host}{request.PathBase}";

    /// <summary>An absolute link to <paramref name="path"/> (starting with '/'), on the configured base or else on <paramref name="fallbackBase"/>.</summary>
    public Uri Absolute(string path, Uri fallbackBase) =>
        BaseUri is { } configured
            ? new Uri(configured.ToString().TrimEnd('/') + path)
            : new Uri(fallbackBase, path.TrimStart('/'));

    /// <summary>
    /// A redirect the framework built from the request's Host (the cookie's sign-in page, say), moved onto the
    /// configured base; unchanged when nothing is configured or it is not an absolute address.
    /// </summary>
    public string Rebase(string redirect, HttpRequest request)
    {
        if (BaseUri is null || !Uri.TryCreate(redirect, UriKind.Absolute, out var target))
        {
            return redirect;
        }

        var pathBase = request.PathBase.Value ?? "";
        var local = target.PathAndQuery.StartsWith(pathBase, StringComparison.Ordinal) ? target.PathAndQuery[pathBase.Length..] : target.PathAndQuery;
        return BaseUri.ToString().TrimEnd('/') + local;
    }
}
