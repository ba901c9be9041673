using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using CampaignHub.Testing;
using CampaignHub.Web.Domain;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CampaignHub.FunctionalTests.Hosting;

/// <summary>Issue 13: what every response says about itself, odd addresses and dates, the API's fallback, request logs.</summary>
public sealed partial class HttpSurfaceTests(CampaignHubAppFactory factory) : IClassFixture<CampaignHubAppFactory>
{
    private HttpClient Anonymous(bool cookies = false) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = cookies });

    private async Task<HttpClient> SignedInAsync()
    {
        var client = Anonymous(cookies: true);
        await SignIn.AsAsync(client, CampaignHubAppFactory.AdminEmail, CampaignHubAppFactory.AdminPassword);
        return client;
    }

    [Fact]
    public async Task Pages_carry_a_script_policy_with_the_import_maps_nonce_and_no_sniffing_referrers_or_devices()
    {
        var response = await Anonymous().GetAsync("/Account/Login");

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("default-src 'self'");
        csp.ShouldContain("object-src 'none'");
        csp.ShouldContain("frame-ancestors 'self'");
        var nonce = NoncePattern().Match(csp).Groups[1].Value;
        nonce.ShouldNotBeNullOrEmpty();
        (await response.Content.ReadAsStringAsync()).ShouldContain($"<script type=\"importmap\" nonce=\"{nonce}\"");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("no-referrer");
        response.Headers.GetValues("Permissions-Policy").Single().ShouldContain("camera=()");

        // Each response its own nonce; API answers carry the headers too.
        var again = await Anonymous().GetAsync("/Account/Login");
        again.Headers.GetValues("Content-Security-Policy").Single().ShouldNotBe(csp);
        (await Anonymous().GetAsync("/api/events")).Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
    }

    [Fact]
    public async Task The_api_answers_unknown_paths_and_wrong_content_types_with_problem_details_not_the_login_page()
    {
        var (_, api) = await factory.ApiUserAsync(Roles.Admin);

        var unknown = await api.GetAsync("/api/no-such-thing");
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        unknown.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");

        var anonymous = await Anonymous().GetAsync("/api/no-such-thing/either");
        anonymous.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        anonymous.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");

        var text = await api.PostAsync("/api/events", new StringContent("title=x", Encoding.UTF8, "text/plain"));
        text.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        text.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        text.Headers.Location.ShouldBeNull();
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("0001-01-01")]
    [InlineData("2100-01-01")]
    public async Task A_schedule_day_off_the_supported_years_shows_the_nearest_one_and_its_pdf_is_a_400(string day)
    {
        var browser = await SignedInAsync();

        var page = await browser.GetAsync($"/schedule?date={day}");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();
        html.ShouldContain("schedule-date-out-of-range");
        html.ShouldContain("2000-01-01");

        foreach (var view in new[] { "day", "month", "agenda" })
        {
            (await browser.GetAsync($"/schedule?view={view}&date={day}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var pdf = await browser.GetAsync($"/schedule/print.pdf?week={day}&campaignId=1");
        pdf.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await pdf.Content.ReadAsStringAsync()).ShouldContain("2099-12-31");
    }

    /// <summary>The classic open-redirect payloads, and the one that used to be a 500.</summary>
    public static TheoryData<string> OddReturnUrls =>
    [
        "HTTP://127.0.0.1//x", "HTTP://LOCALHOST//evil.example", "//evil.example", "///evil.example", "////evil.example",
        "\\\\evil.example", "/\\evil.example", "\\/evil.example", "https://evil.example", "http://evil.example/", "http:evil.example",
        "https:/evil.example", "//evil.example/%2e%2e", "/%2f%2fevil.example", "/%5cevil.example", "%2f%2fevil.example",
        "javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>", "/\t/evil.example",
        " //evil.example", "//evil.example@localhost", "http://localhost@evil.example", "http://localhost.evil.example/",
        "/%09/evil.example", "\u3002evil.example//",
    ];

    [Theory]
    [MemberData(nameof(OddReturnUrls))]
    public async Task Signing_in_with_an_odd_return_address_goes_to_a_page_of_this_site(string returnUrl)
    {
        var response = await SignIn.PostLoginAsync(Anonymous(cookies: true), CampaignHubAppFactory.AdminEmail, CampaignHubAppFactory.AdminPassword, returnUrl);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var target = new Uri(new Uri("http://localhost/"), response.Headers.Location!);
        target.Host.ShouldBe("localhost");
        target.Scheme.ShouldBe("http");
        target.AbsolutePath.ShouldNotStartWith("//");
        target.AbsolutePath.ShouldNotContain("\\");
        target.AbsolutePath.ShouldNotContain("evil", Case.Insensitive);
    }

    [Fact]
    public async Task A_local_return_address_is_still_followed()
    {
        var response = await SignIn.PostLoginAsync(Anonymous(cookies: true), CampaignHubAppFactory.AdminEmail, CampaignHubAppFactory.AdminPassword, "/events?page=2");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        new Uri(new Uri("http://localhost/"), response.Headers.Location!).PathAndQuery.ShouldBe("/events?page=2");
    }

    [Fact]
    public async Task Requests_are_logged_in_the_file_without_query_strings()
    {
        var secret = "s3cret-" + Guid.NewGuid().ToString("N");
        (await Anonymous().GetAsync($"/Account/Login?ReturnUrl=%2F&token={secret}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var log = factory.ReadLog();
        for (var i = 0; i < 50 && !log.Contains("HTTP GET /Account/Login responded 200", StringComparison.Ordinal); i++)
        {
            await Task.Delay(100);
            log = factory.ReadLog();
        }

        log.ShouldContain("HTTP GET /Account/Login responded 200");
        log.ShouldNotContain(secret);
    }

    [Fact]
    public async Task With_a_public_address_configured_the_request_host_does_not_reach_redirects()
    {
        using var app = new CampaignHubAppFactory();
        app.Settings["App:PublicBaseUrl"] = "https://campaigns.example.org";
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/events");
        request.Headers.Host = "evil.example";

        var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldStartWith("https://campaigns.example.org/Account/Login");
    }

    [Fact]
    public async Task In_production_cookies_are_secure_and_browsers_are_told_to_stay_on_https()
    {
        using var app = new CampaignHubAppFactory();
        using var production = app.WithWebHostBuilder(builder => builder.UseEnvironment("Production"));
        var client = production.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://campaigns.example.org/") });

        var response = await client.GetAsync("/Account/Login");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("Strict-Transport-Security").Single().ShouldContain("max-age=31536000");
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        cookies.ShouldNotBeEmpty();
        cookies.ShouldAllBe(c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex NoncePattern();
}
