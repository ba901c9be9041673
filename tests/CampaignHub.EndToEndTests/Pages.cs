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

    /// <summary>
    /// Opens the navigation drawer on a phone. The responsive drawer closes itself once the circuit has measured the
    /// width; a tap that lands before that is undone by it, so tap again until the link shows.
    /// </summary>
    public static async Task OpenMenuAsync(IPage page, string linkTestId)
    {
        var link = page.GetByTestId(linkTestId);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await page.GetByTestId("nav-toggle").ClickAsync();
            try
            {
                await Assertions.Expect(link).ToBeInViewportAsync(new() { Timeout = 3_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 2)
            {
            }
        }
    }

    /// <summary>A 390 px phone never scrolls sideways; the screenshot is kept in the temp folder to look at.</summary>
    public static async Task AssertNoSidewaysScrollingAsync(IPage page, string screenshot)
    {
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), screenshot), FullPage = true });
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);
    }
}
