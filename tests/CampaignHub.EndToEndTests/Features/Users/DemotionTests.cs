using System.Diagnostics;
using System.Text.RegularExpressions;
using CampaignHub.Testing;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Users;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace CampaignHub.EndToEndTests.Features.Users;

/// <summary>Issue 13: an admin demoted while their users page is open in a live circuit loses it at once.</summary>
public sealed class DemotionTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_admin_demoted_while_the_users_page_is_open_loses_it_without_reloading()
    {
        var email = $"admin-{Guid.NewGuid():N}@test.campaignhub.local";
        var userId = await fixture.App.CreateUserAsync(email, Roles.Admin);
        var page = await fixture.NewPageAsync();
        await Pages.SignInAsync(page, email, TestData.Password);
        await Expect(page.GetByTestId("home-heading")).ToBeVisibleAsync();
        await page.GotoAsync("/admin/users");
        await Pages.WaitForInteractiveAsync(page);
        await Expect(page.GetByTestId("user-list")).ToBeVisibleAsync();

        var watch = Stopwatch.StartNew();
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<UserAdministrationService>()
                .SetRoleAsync(await fixture.App.AdminActorAsync(), userId, Roles.Staff);
        }

        // The live circuit hears the change: the admin page goes, and the old cookie no longer signs anyone in.
        await Expect(page.GetByTestId("user-list")).Not.ToBeVisibleAsync(new() { Timeout = 10_000 });
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
        // The old cookie, asked afresh: a second tab of the same browser, since the first may itself be on its way to
        // the sign-in page (the circuit's own navigation would interrupt a navigation started here).
        var again = await page.Context.NewPageAsync();
        await again.GotoAsync("/admin/users");
        await Expect(again).ToHaveURLAsync(new Regex("Account/Login"));
    }
}
