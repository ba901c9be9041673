using System.Net;
using CampaignHub.Testing;
using CampaignHub.Web.Data;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignHub.FunctionalTests.Hosting;

/// <summary>Keys live in the database, so a restarted or second instance accepts the same sign-in cookie.</summary>
public sealed class DataProtectionTests
{
    [Fact]
    public async Task A_second_instance_on_the_same_database_keeps_the_user_signed_in()
    {
        using var first = new CampaignHubAppFactory();
        var options = new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false };
        var client = first.CreateClient(options);

        var loginPage = await client.GetAsync("/Account/Login");
        var antiforgeryCookie = CookiePairs(loginPage).Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        var request = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(await loginPage.Content.ReadAsStringAsync()),
                ["_handler"] = "login",
                ["Input.Email"] = CampaignHubAppFactory.AdminEmail,
                ["Input.Password"] = CampaignHubAppFactory.AdminPassword,
            }),
        };
        request.Headers.Add("Cookie", antiforgeryCookie);
        var signedIn = await client.SendAsync(request);
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var authCookie = CookiePairs(signedIn).Single(c => c.StartsWith("CampaignHub.Auth=", StringComparison.Ordinal));

        await using (var db = await first.DbAsync())
        {
            (await db.DataProtectionKeys.CountAsync()).ShouldBeGreaterThan(0);
        }

        using var second = CampaignHubAppFactory.SharingDatabaseWith(first);
        var home = new HttpRequestMessage(HttpMethod.Get, "/");
        home.Headers.Add("Cookie", authCookie);
        var response = await second.CreateClient(options).SendAsync(home);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain(CampaignHubAppFactory.AdminEmail);
    }

    private static IEnumerable<string> CookiePairs(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split(';')[0]) : [];
}
