using Microsoft.Playwright;

namespace CampaignHub.EndToEndTests;

/// <summary>What a user does on the sign-in page and in the app shell, in one place for every test.</summary>
public static class Pages
{
    public static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("input[name='Input.Email']", email);
        await page.FillAsync("input[name='Input.Password']", password);
        await page.ClickAsync("[data-testid=login-submit]");
    }

    /// <summary>Waits until the Blazor circuit is live, so clicks reach the server.</summary>
    public static Task WaitForInteractiveAsync(IPage page) =>
        page.Locator("[data-interactive=true]").WaitForAsync();
}
