using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace CampaignHub.Web.Hosting;

/// <summary>
/// Behind a reverse proxy (nginx, a load balancer) the connection comes from the proxy, so the client's address and
/// whether they used HTTPS arrive in <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c>. They are believed only from
/// the proxies named in <c>ForwardedHeaders:KnownProxies</c> (addresses) and <c>ForwardedHeaders:KnownNetworks</c>
/// (CIDR ranges), and from the loopback interface (a proxy on the same machine); anyone else could claim any address
/// and slip past the per-client rate limits. The host is not taken from the proxy: links use <c>App:PublicBaseUrl</c>.
/// </summary>
public static class ForwardedHeadersSettings
{
    public const string KnownProxiesKey = "ForwardedHeaders:KnownProxies";
    public const string KnownNetworksKey = "ForwardedHeaders:KnownNetworks";
    public const string ForwardLimitKey = "ForwardedHeaders:ForwardLimit";

    public static ForwardedHeadersOptions FromConfiguration(IConfiguration configuration)
    {
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
        };

        foreach (var text in Values(configuration, KnownProxiesKey))
        {
            if (!IPAddress.TryParse(text, out var address))
            {
                throw new StartupConfigurationException(KnownProxiesKey, $"'{text}' is not an IP address.");
            }

            options.KnownProxies.Add(address);
        }

        foreach (var text in Values(configuration, KnownNetworksKey))
        {
            if (!System.Net.IPNetwork.TryParse(text, out var network))
            {
                throw new StartupConfigurationException(KnownNetworksKey, $"'{text}' is not a network in CIDR notation, e.g. 10.0.0.0/8.");
            }

            options.KnownIPNetworks.Add(network);
        }

        var limit = configuration[ForwardLimitKey];
        if (!string.IsNullOrWhiteSpace(limit))
        {
            if (!int.TryParse(limit, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var hops) || hops is < 1 or > 10)
            {
                throw new StartupConfigurationException(ForwardLimitKey, $"'{limit}' is not a number of proxies from 1 to 10.");
            }

            options.ForwardLimit = hops;
        }

        return options;
    }

    /// <summary>A list from configuration: an array (<c>KnownProxies:0</c>, …) or one comma-separated value.</summary>
    private static IEnumerable<string> Values(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var values = section.GetChildren().Select(c => c.Value).ToList();
        if (values.Count == 0)
        {
            values.Add(section.Value);
        }

        return values.SelectMany(v => (v ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
