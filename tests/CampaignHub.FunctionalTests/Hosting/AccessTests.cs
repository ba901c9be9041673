using System.Net;
using CampaignHub.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CampaignHub.FunctionalTests.Hosting;

public sealed class AccessTests(CampaignHubAppFactory factory) : IClassFixture<CampaignHubAppFactory>
{
    private HttpClient Anonymous() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task Health_endpoints_answer_without_signing_in()
    {
        var client = Anonymous();
        var live = await client.GetAsync("/health");
        live.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await live.Content.ReadAsStringAsync()).ShouldBe("Healthy");

        var ready = await client.GetAsync("/health/ready");
        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ready.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/Account/Manage")]
    [InlineData("/Account/Manage/ChangePassword")]
    [InlineData("/some/page/that/does/not/exist")]
    public async Task Anonymous_users_are_sent_to_the_login_page(string path)
    {
        var response = await Anonymous().GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.ShouldBe("/Account/Login");
    }

    [Fact]
    public async Task Login_page_is_open_and_in_chinese_by_default()
    {
        var response = await Anonymous().GetAsync("/Account/Login");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("<html lang=\"zh-CN\">");
        html.ShouldContain("登录");
    }

    [Fact]
    public async Task Language_switch_sets_a_cookie_that_later_requests_use()
    {
        var client = factory.CreateClient(); // follows redirects and keeps cookies
        var html = await client.GetStringAsync("/culture/en?returnUrl=%2FAccount%2FLogin");

        html.ShouldContain("<html lang=\"en\">");
        html.ShouldContain("Sign in with the account your association gave you.");
        (await client.GetStringAsync("/Account/Login")).ShouldContain("<html lang=\"en\">");

        await client.GetStringAsync("/culture/zh-CN?returnUrl=%2FAccount%2FLogin");
        (await client.GetStringAsync("/Account/Login")).ShouldContain("请使用协会为您开通的账户登录。");
    }

    [Fact]
    public async Task Language_switch_rejects_unknown_cultures_and_foreign_return_urls()
    {
        var client = Anonymous();
        (await client.GetAsync("/culture/fr")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var response = await client.GetAsync("/culture/en?returnUrl=https%3A%2F%2Fevil.example%2F");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/");
    }

    [Fact]
    public async Task Static_assets_are_served_to_the_login_page()
    {
        var html = await Anonymous().GetStringAsync("/Account/Login");
        var css = System.Text.RegularExpressions.Regex.Match(html, "href=\"(app\\.[^\"]+\\.css)\"").Groups[1].Value;
        css.ShouldNotBeEmpty();

        var response = await Anonymous().GetAsync("/" + css);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
