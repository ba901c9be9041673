using System.Text.RegularExpressions;
using CampaignHub.Testing;
using CampaignHub.Web.Features.Users;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CampaignHub.EndToEndTests.Components.Layout;

public sealed class ShellTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Admin_signs_in_switches_to_english_and_back_and_signs_out()
    {
        var page = await fixture.NewPageAsync();

        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Regex("/Account/Login"));

        await Pages.SignInAsync(page, CampaignHubAppFactory.AdminEmail, CampaignHubAppFactory.AdminPassword);
        await Expect(page.GetByTestId("home-heading")).ToContainTextAsync($"欢迎，{CampaignHubAppFactory.AdminEmail}");
        await Pages.WaitForInteractiveAsync(page);

        await page.GetByTestId("culture-menu").Locator("button").ClickAsync();
        await page.GetByTestId("culture-en").ClickAsync();
        await Expect(page.GetByTestId("home-heading")).ToContainTextAsync($"Welcome, {CampaignHubAppFactory.AdminEmail}");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Pages.WaitForInteractiveAsync(page);

        await page.GetByTestId("culture-menu").Locator("button").ClickAsync();
        await page.GetByTestId("culture-zh-CN").ClickAsync();
        await Expect(page.GetByTestId("home-heading")).ToContainTextAsync("欢迎");
        await Pages.WaitForInteractiveAsync(page);

        await page.GetByTestId("user-menu").Locator("button").ClickAsync();
        await page.GetByTestId("sign-out").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/Account/Login$"));
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Regex("/Account/Login"));
    }

    [Fact]
    public async Task A_wrong_password_shows_an_error()
    {
        var page = await fixture.NewPageAsync();

        await Pages.SignInAsync(page, CampaignHubAppFactory.AdminEmail, "Not-The-Password-1");

        await Expect(page.GetByTestId("status-message")).ToContainTextAsync("邮箱或密码不正确");
        await Expect(page).ToHaveURLAsync(new Regex("/Account/Login"));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account()
    {
        var email = $"locked-{Guid.NewGuid():N}@example.org";
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<UserAccountService>();
            (await accounts.CreateAsync(email, "Staff", "Right-Password-1")).Succeeded.ShouldBeTrue();
        }

        var page = await fixture.NewPageAsync();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await Pages.SignInAsync(page, email, "Wrong-Password-1");
            await Expect(page.GetByTestId("status-message")).ToBeVisibleAsync();
        }

        await Pages.SignInAsync(page, email, "Wrong-Password-1");
        await Expect(page.GetByTestId("lockout-message")).ToBeVisibleAsync();

        await Pages.SignInAsync(page, email, "Right-Password-1");
        await Expect(page.GetByTestId("lockout-message")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task On_a_phone_the_menu_is_collapsed_until_opened()
    {
        var page = await fixture.NewPageAsync(width: 390, height: 844);
        await Pages.SignInAsync(page, CampaignHubAppFactory.AdminEmail, CampaignHubAppFactory.AdminPassword);
        await Pages.WaitForInteractiveAsync(page);

        var homeLink = page.GetByTestId("nav-menu").GetByText("首页");
        await Expect(homeLink).Not.ToBeInViewportAsync();

        await page.GetByTestId("nav-toggle").ClickAsync();
        await Expect(homeLink).ToBeInViewportAsync();

        // Nothing is wider than the phone: no sideways scrolling.
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "campaignhub-phone-menu.png") });
        scrollWidth.ShouldBeLessThanOrEqualTo(390);
    }
}
