using System.Net;
using CampaignHub.Testing;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignHub.FunctionalTests.Components.Account;

public sealed class SignInTests(CampaignHubAppFactory factory) : IClassFixture<CampaignHubAppFactory>
{
    private HttpClient NewClient() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<string> CreateUserAsync(string role = Roles.Staff)
    {
        var email = $"{Guid.NewGuid():N}@example.org";
        await using var scope = factory.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<CampaignHub.Web.Features.Users.UserAccountService>();
        var result = await accounts.CreateAsync(email, role, "Right-Password-1");
        result.Succeeded.ShouldBeTrue(string.Join(", ", result.Errors));
        return email;
    }

    [Fact]
    public async Task The_right_password_signs_in_and_shows_the_home_page()
    {
        var client = NewClient();
        var response = await SignIn.PostLoginAsync(client, CampaignHubAppFactory.AdminEmail, CampaignHubAppFactory.AdminPassword);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var home = await client.GetAsync("/");
        home.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await home.Content.ReadAsStringAsync();
        html.ShouldContain($"欢迎，{CampaignHubAppFactory.AdminEmail}");
        html.ShouldContain("协会管理员");
    }

    [Fact]
    public async Task Sign_in_returns_to_the_page_asked_for_but_never_to_another_site()
    {
        var client = NewClient();
        var local = await SignIn.PostLoginAsync(client, CampaignHubAppFactory.AdminEmail, CampaignHubAppFactory.AdminPassword, "/Account/Manage");
        local.Headers.Location!.OriginalString.ShouldEndWith("/Account/Manage");

        var foreign = await SignIn.PostLoginAsync(NewClient(), CampaignHubAppFactory.AdminEmail, CampaignHubAppFactory.AdminPassword, "https://evil.example/");
        foreign.StatusCode.ShouldBe(HttpStatusCode.Redirect, await foreign.Content.ReadAsStringAsync());
        foreign.Headers.Location!.Host.ShouldNotBe("evil.example");
    }

    [Fact]
    public async Task A_wrong_password_shows_an_error_and_does_not_sign_in()
    {
        var email = await CreateUserAsync();
        var client = NewClient();

        var response = await SignIn.PostLoginAsync(client, email, "Wrong-Password-1");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("邮箱或密码不正确。");
        (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var email = await CreateUserAsync();
        var client = NewClient();

        for (var attempt = 1; attempt < IdentityConfiguration.MaxFailedSignIns; attempt++)
        {
            var failed = await SignIn.PostLoginAsync(client, email, "Wrong-Password-1");
            failed.StatusCode.ShouldBe(HttpStatusCode.OK, $"attempt {attempt} should only show an error");
        }

        var fifth = await SignIn.PostLoginAsync(client, email, "Wrong-Password-1");
        fifth.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        fifth.Headers.Location!.OriginalString.ShouldContain("Account/Lockout");

        var right = await SignIn.PostLoginAsync(client, email, "Right-Password-1");
        right.Headers.Location!.OriginalString.ShouldContain("Account/Lockout");

        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        (await users.IsLockedOutAsync((await users.FindByEmailAsync(email))!)).ShouldBeTrue();
    }

    [Fact]
    public async Task Sign_out_needs_the_form_token_and_ends_the_session()
    {
        var client = NewClient();
        await SignIn.AsAsync(client, CampaignHubAppFactory.AdminEmail, CampaignHubAppFactory.AdminPassword);
        var manage = await client.GetStringAsync("/Account/Manage");

        // Without the antiforgery token another site could sign users out: refused.
        var forged = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent([]));
        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var response = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(manage),
            ["ReturnUrl"] = "",
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldEndWith("/Account/Login");
        (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Changing_the_password_takes_effect_at_the_next_sign_in()
    {
        var email = await CreateUserAsync();
        var client = NewClient();
        await SignIn.AsAsync(client, email, "Right-Password-1");
        var page = await client.GetStringAsync("/Account/Manage/ChangePassword");

        var response = await client.PostAsync("/Account/Manage/ChangePassword", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(page),
            ["_handler"] = "change-password",
            ["Input.OldPassword"] = "Right-Password-1",
            ["Input.NewPassword"] = "Brand-New-Password-2",
            ["Input.ConfirmPassword"] = "Brand-New-Password-2",
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await SignIn.PostLoginAsync(NewClient(), email, "Right-Password-1")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await SignIn.PostLoginAsync(NewClient(), email, "Brand-New-Password-2")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }
}
