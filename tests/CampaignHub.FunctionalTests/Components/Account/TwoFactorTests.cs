using System.Net;
using System.Text.RegularExpressions;
using CampaignHub.Testing;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Users;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignHub.FunctionalTests.Components.Account;

public sealed partial class TwoFactorTests(CampaignHubAppFactory factory) : IClassFixture<CampaignHubAppFactory>
{
    private HttpClient NewClient() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task After_turning_on_an_authenticator_sign_in_needs_its_code()
    {
        var email = $"{Guid.NewGuid():N}@example.org";
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<UserAccountService>().CreateAsync(email, Roles.Coordinator, "Right-Password-1"))
                .Succeeded.ShouldBeTrue();
        }

        // Set up the authenticator from the key the page shows, as a phone app would.
        var client = NewClient();
        await SignIn.AsAsync(client, email, "Right-Password-1");
        var setup = await client.GetStringAsync("/Account/Manage/EnableAuthenticator");
        var key = SharedKey().Match(setup).Groups[1].Value;
        key.ShouldNotBeEmpty();

        var wrong = await client.PostAsync("/Account/Manage/EnableAuthenticator", Form(setup, "send-code", ("Input.Code", "000000")));
        (await wrong.Content.ReadAsStringAsync()).ShouldNotContain("data-testid=\"recovery-codes\"");

        var enabled = await client.PostAsync("/Account/Manage/EnableAuthenticator", Form(setup, "send-code", ("Input.Code", Totp.Code(key))));
        (await enabled.Content.ReadAsStringAsync()).ShouldContain("data-testid=\"recovery-codes\"");

        // The password alone no longer signs in: it leads to the code page.
        var fresh = NewClient();
        var afterPassword = await SignIn.PostLoginAsync(fresh, email, "Right-Password-1");
        afterPassword.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        afterPassword.Headers.Location!.OriginalString.ShouldContain("Account/LoginWith2fa");
        (await fresh.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var codePage = await fresh.GetStringAsync(afterPassword.Headers.Location);
        var signedIn = await fresh.PostAsync(afterPassword.Headers.Location, Form(codePage, "login-with-2fa",
            ("Input.TwoFactorCode", Totp.Code(key)), ("RememberMe", "False"), ("ReturnUrl", "/")));
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await fresh.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static FormUrlEncodedContent Form(string page, string handler, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))
            .Append(KeyValuePair.Create("__RequestVerificationToken", SignIn.AntiforgeryToken(page)))
            .Append(KeyValuePair.Create("_handler", handler)));

    [GeneratedRegex("data-testid=\"shared-key\">([^<]+)<")]
    private static partial Regex SharedKey();
}
