using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Parser;
using CampaignHub.Testing;
using CampaignHub.Web.Domain;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CampaignHub.FunctionalTests.Features.Api;

/// <summary>Personal access tokens: created and revoked on the profile page, or by the admin command, and used with the API.</summary>
public sealed class ApiTokenTests(CampaignHubAppFactory factory) : IClassFixture<CampaignHubAppFactory>
{
    private const string Page = "/Account/Manage/ApiTokens";

    private HttpClient Bearer(string token)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static FormUrlEncodedContent Form(string page, string handler, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))
            .Append(KeyValuePair.Create("__RequestVerificationToken", SignIn.AntiforgeryToken(page)))
            .Append(KeyValuePair.Create("_handler", handler)));

    [Fact]
    public async Task A_token_created_on_the_profile_page_works_with_the_api_until_it_is_revoked()
    {
        var email = $"coordinator-{Guid.NewGuid():N}@test.campaignhub.local";
        await factory.CreateUserAsync(email, Roles.Coordinator);
        var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await SignIn.AsAsync(browser, email, TestData.Password);

        var empty = await browser.GetStringAsync(Page);
        empty.ShouldContain("data-testid=\"no-tokens\"");
        (await browser.GetStringAsync("/Account/Manage")).ShouldContain($"href=\"{Page.TrimStart('/')}\"");

        var created = await browser.PostAsync(Page, Form(empty, "create-token", ("TokenName", "月报脚本 <script>")));
        created.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await created.Content.ReadAsStringAsync();
        var document = new HtmlParser().ParseDocument(html);
        var token = document.QuerySelector("[data-testid=new-token]")!.GetAttribute("value")!;
        token.ShouldStartWith("chub_");
        html.ShouldNotContain("月报脚本 <script>");
        var item = document.QuerySelector("[data-testid=token]")!;
        item.TextContent.ShouldContain("月报脚本 <script>");
        item.TextContent.ShouldContain(token[..11]);

        var api = Bearer(token);
        (await api.GetAsync("/api/events")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Shown once: the page does not show the token again, but lists it as used.
        var listed = new HtmlParser().ParseDocument(await browser.GetStringAsync(Page));
        listed.QuerySelector("[data-testid=new-token]").ShouldBeNull();
        listed.DocumentElement.OuterHtml.ShouldNotContain(token);
        var id = listed.QuerySelector("[data-testid=token]")!.GetAttribute("data-token-id");

        var revoked = await browser.PostAsync(Page, Form(listed.DocumentElement.OuterHtml, $"revoke-token-{id}"));
        revoked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await api.GetAsync("/api/events")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var after = new HtmlParser().ParseDocument(await browser.GetStringAsync(Page));
        after.QuerySelector("[data-testid=status-message]")!.TextContent.ShouldNotBeNullOrWhiteSpace();
        after.QuerySelector("[data-testid=token]")!.GetAttribute("data-revoked").ShouldBe("true");
        after.QuerySelector("[data-testid=revoke-token]").ShouldBeNull();
    }

    [Fact]
    public async Task One_user_cannot_revoke_another_users_token()
    {
        var (owner, _) = await factory.ApiUserAsync(Roles.Admin);
        var ownerApi = await factory.ApiClientAsync(owner);
        await using (var db = await factory.DbAsync())
        {
            var tokenId = db.ApiTokens.Where(t => t.UserId == owner).Select(t => t.Id).First();
            var email = $"other-{Guid.NewGuid():N}@test.campaignhub.local";
            await factory.CreateUserAsync(email, Roles.Admin);
            var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            await SignIn.AsAsync(browser, email, TestData.Password);
            var page = await browser.GetStringAsync(Page);

            var response = await browser.PostAsync(Page, Form(page, $"revoke-token-{tokenId}"));

            response.StatusCode.ShouldNotBe(HttpStatusCode.Redirect);
        }

        (await ownerApi.GetAsync("/api/events")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_tokens_create_command_prints_a_working_token_as_its_last_line()
    {
        var email = $"cli-{Guid.NewGuid():N}@test.campaignhub.local";
        await factory.CreateUserAsync(email, Roles.Staff);
        var environment = new Dictionary<string, string>(factory.DatabaseEnvironment)
        {
            ["Admin__Email"] = CampaignHubAppFactory.AdminEmail,
            ["Admin__Password"] = CampaignHubAppFactory.AdminPassword,
        };

        var result = await AppProcess.RunAsync(environment, "tokens", "create", "--email", email, "--name", "nightly export");

        result.ExitCode.ShouldBe(0, result.Error);
        var token = result.Output.TrimEnd().Split('\n')[^1].Trim();
        token.ShouldStartWith("chub_");
        (await Bearer(token).GetAsync("/api/events")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var unknown = await AppProcess.RunAsync(environment, "tokens", "create", "--email", "nobody@example.org");
        unknown.ExitCode.ShouldBe(1);
        unknown.Error.ShouldContain("nobody@example.org");
    }
}
