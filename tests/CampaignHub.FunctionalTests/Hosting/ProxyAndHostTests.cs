using System.Net;
using CampaignHub.Testing;
using CampaignHub.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CampaignHub.FunctionalTests.Hosting;

/// <summary>
/// Behind a proxy: the client's address and scheme are believed only from the proxies configured, and requests for a
/// host the deployment does not serve are refused (AllowedHosts), so a forged Host header cannot steer links.
/// </summary>
public sealed class ProxyAndHostTests
{
    [Fact]
    public async Task A_request_for_a_host_not_in_AllowedHosts_is_refused_and_the_configured_host_is_served()
    {
        using var app = new CampaignHubAppFactory();
        app.Settings["AllowedHosts"] = "campaigns.example.org";
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://campaigns.example.org/") });

        (await client.GetAsync("/Account/Login")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var forged = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        forged.Headers.Host = "evil.example";
        (await client.SendAsync(forged)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("10.1.2.3", null, "10.1.2.3", "http")]
    [InlineData("10.1.2.3", "10.0.0.0/8", "203.0.113.7", "https")]
    [InlineData("127.0.0.1", null, "203.0.113.7", "https")]
    public async Task Forwarded_headers_are_believed_only_from_loopback_and_the_configured_proxies(
        string connectedFrom, string? knownNetwork, string seenAddress, string seenScheme)
    {
        var settings = new Dictionary<string, string?> { [ForwardedHeadersSettings.KnownNetworksKey] = knownNetwork };
        var options = ForwardedHeadersSettings.FromConfiguration(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        HttpContext? seen = null;
        var middleware = new ForwardedHeadersMiddleware(context => { seen = context; return Task.CompletedTask; }, NullLoggerFactory.Instance, Options.Create(options));
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(connectedFrom);
        context.Request.Scheme = "http";
        context.Request.Headers["X-Forwarded-For"] = "203.0.113.7";
        context.Request.Headers["X-Forwarded-Proto"] = "https";

        await middleware.Invoke(context);

        seen!.Connection.RemoteIpAddress!.ToString().ShouldBe(seenAddress);
        seen.Request.Scheme.ShouldBe(seenScheme);
    }

    [Theory]
    [InlineData(ForwardedHeadersSettings.KnownProxiesKey, "not-an-address")]
    [InlineData(ForwardedHeadersSettings.KnownNetworksKey, "10.0.0.0/99")]
    [InlineData(ForwardedHeadersSettings.ForwardLimitKey, "0")]
    public void A_mistyped_proxy_setting_stops_the_start_naming_the_setting(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();

        var refused = Should.Throw<StartupConfigurationException>(() => ForwardedHeadersSettings.FromConfiguration(configuration));

        refused.Message.ShouldContain(key);
    }
}
