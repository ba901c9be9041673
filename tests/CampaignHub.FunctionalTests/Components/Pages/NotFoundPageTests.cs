using System.Net;
using CampaignHub.Testing;
using CampaignHub.Web.Domain;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CampaignHub.FunctionalTests.Components.Pages;

/// <summary>A mistyped address gets the app's own page, in the user's language and inside the app, with status 404.</summary>
public sealed class NotFoundPageTests(CampaignHubAppFactory factory) : IClassFixture<CampaignHubAppFactory>
{
    private async Task<HttpClient> SignedInAsync()
    {
        var email = $"staff-{Guid.NewGuid():N}@test.campaignhub.local";
        await factory.CreateUserAsync(email, Roles.Staff);
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await SignIn.AsAsync(client, email, TestData.Password);
        return client;
    }

    [Theory]
    [InlineData("/nope")]
    [InlineData("/events/abc")]
    [InlineData("/admin/nothing")]
    [InlineData("/campaigns/1/nothing/here")]
    public async Task A_mistyped_address_gets_the_localised_not_found_page_inside_the_app_with_status_404(string path)
    {
        var client = await SignedInAsync();

        var response = await client.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain(">页面不存在</h1>");
        html.ShouldContain("抱歉，您要查找的页面不存在。");
        html.ShouldContain("data-testid=\"nav-menu\"");
        html.ShouldContain("<main id=\"main-content\">");
        html.ShouldContain("data-testid=\"not-found-home\"");
        html.ShouldContain("<html lang=\"zh-CN\">");
    }

    [Fact]
    public async Task In_english_the_not_found_page_is_in_english()
    {
        var client = await SignedInAsync();
        (await client.GetAsync("/culture/en?returnUrl=%2F")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var response = await client.GetAsync("/nope");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain(">Page not found</h1>");
        html.ShouldContain("<html lang=\"en\">");
    }

    [Fact]
    public async Task An_unknown_api_address_is_not_answered_with_the_html_page()
    {
        var client = await SignedInAsync();

        var response = await client.GetAsync("/api/nope");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("页面不存在");
        response.Content.Headers.ContentType?.MediaType.ShouldNotBe("text/html");
    }

    [Fact]
    public async Task A_failed_post_keeps_its_status()
    {
        var client = await SignedInAsync();

        var response = await client.PostAsync("/nope", new FormUrlEncodedContent([]));

        ((int)response.StatusCode).ShouldBeGreaterThanOrEqualTo(400);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("页面不存在");
    }
}
