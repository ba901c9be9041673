using System.Net;
using System.Text.RegularExpressions;
using CampaignHub.Testing;
using CampaignHub.Web.Data.Seeding;
using CampaignHub.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignHub.FunctionalTests.Data.Seeding;

public sealed partial class AdminAccountTests
{
    [Fact]
    public async Task Without_a_configured_password_the_first_admin_gets_a_generated_one_logged_once()
    {
        using var first = new CampaignHubAppFactory();
        first.Settings["Admin:Password"] = "";
        first.Settings["Admin:Email"] = "boss@example.org";
        _ = first.Services; // starts the app on the empty database

        var log = first.ReadLog();
        var match = GeneratedPasswordLine().Match(log);
        match.Success.ShouldBeTrue(log);
        match.Value.ShouldContain("[WRN]");
        var password = match.Groups["password"].Value;

        var client = first.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        (await SignIn.PostLoginAsync(client, "boss@example.org", password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // A restart on the same database creates nobody and logs no password again.
        using var restart = CampaignHubAppFactory.SharingDatabaseWith(first);
        restart.Settings["Admin:Password"] = "";
        restart.Settings["Admin:Email"] = "boss@example.org";
        _ = restart.Services;
        GeneratedPasswordLine().Matches(restart.ReadLog()).Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_configured_admin_password_is_used_and_never_logged()
    {
        using var factory = new CampaignHubAppFactory();
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        (await SignIn.PostLoginAsync(client, CampaignHubAppFactory.AdminEmail, CampaignHubAppFactory.AdminPassword))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        factory.ReadLog().ShouldNotContain(CampaignHubAppFactory.AdminPassword);

        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var admin = await users.FindByEmailAsync(CampaignHubAppFactory.AdminEmail);
        (await users.GetRolesAsync(admin!)).ShouldBe([Roles.Admin]);
    }

    [Fact]
    public void A_password_that_breaks_the_policy_stops_start_up_naming_the_key()
    {
        using var factory = new CampaignHubAppFactory();
        factory.Settings["Admin:Password"] = "short";

        var error = Should.Throw<CampaignHub.Web.Hosting.StartupConfigurationException>(() => factory.Services);
        error.Key.ShouldBe("Admin:Password");
    }

    [Fact]
    public async Task Demo_seeding_creates_one_account_per_role_only_when_asked()
    {
        using var plain = new CampaignHubAppFactory();
        await using (var scope = plain.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            users.Users.Count().ShouldBe(1);
        }

        using var demo = new CampaignHubAppFactory();
        demo.Settings["Seed:Demo"] = "true";
        demo.Settings["Seed:DemoPassword"] = "Demo-Password-1";
        await using (var scope = demo.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            foreach (var (email, role, _) in DemoAccountSeeder.Accounts)
            {
                var user = await users.FindByEmailAsync(email);
                user.ShouldNotBeNull(email);
                (await users.GetRolesAsync(user)).ShouldBe([role]);
            }
        }

        var client = demo.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        (await SignIn.PostLoginAsync(client, DemoAccountSeeder.Accounts[1].Email, "Demo-Password-1")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [GeneratedRegex(@"^.*generated password (?<password>\S+) \..*$", RegexOptions.Multiline)]
    private static partial Regex GeneratedPasswordLine();
}
