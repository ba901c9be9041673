using System.Text.RegularExpressions;
using CampaignHub.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CampaignHub.EndToEndTests.Features.Campaigns;

/// <summary>An admin on a phone sets up a unit and a campaign with a target, then finds the change in the audit trail.</summary>
public sealed class CampaignSetupOnAPhoneTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly string Shots = Environment.GetEnvironmentVariable("E2E_SCREENSHOTS") ?? "";

    private static async Task ShotAsync(IPage page, string name)
    {
        if (Shots.Length > 0)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, name + ".png"), FullPage = true });
        }
    }

    /// <summary>A MudBlazor input by its data-testid, which sits on the input itself or on its wrapper.</summary>
    private static ILocator Input(IPage page, string testId) =>
        page.Locator($"input[data-testid={testId}], [data-testid={testId}] input").First;

    [Fact]
    public async Task An_admin_on_a_phone_creates_a_unit_and_a_campaign_with_a_target()
    {
        var page = await fixture.NewPageAsync(width: 390, height: 844);
        await Pages.SignInAsync(page, CampaignHubAppFactory.AdminEmail, CampaignHubAppFactory.AdminPassword);
        await Expect(page.GetByTestId("home-heading")).ToBeVisibleAsync();

        // A unit.
        await page.GotoAsync("/admin/units");
        await Pages.WaitForInteractiveAsync(page);
        await page.GetByTestId("unit-new").ClickAsync();
        await Input(page, "unit-name").FillAsync("乳腺癌专委会");
        await page.GetByTestId("unit-save").ClickAsync();
        await Expect(page.GetByTestId("unit-list")).ToContainTextAsync("乳腺癌专委会");
        await ShotAsync(page, "units");

        // A campaign with that unit and a target; an end before the start is refused first.
        await page.GotoAsync("/admin/campaigns/new");
        await Pages.WaitForInteractiveAsync(page);
        await Input(page, "campaign-name").FillAsync("第27届全国肿瘤防治宣传周");
        await Input(page, "campaign-start").FillAsync("2021-04-21");
        await Input(page, "campaign-start").BlurAsync();
        await Input(page, "campaign-end").FillAsync("2021-04-15");
        await Input(page, "campaign-end").BlurAsync();
        await Input(page, "target-public_benefited").FillAsync("11386");
        await Input(page, "target-public_benefited").BlurAsync();
        await page.GetByTestId("campaign-units").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "乳腺癌专委会" }).ClickAsync();
        await page.Keyboard.PressAsync("Escape");
        await ShotAsync(page, "campaign-form");
        await page.GetByTestId("campaign-save").ClickAsync();
        await Expect(page.GetByTestId("field-errors")).ToContainTextAsync("结束日期不能早于开始日期。");
        await ShotAsync(page, "campaign-errors");

        await Input(page, "campaign-start").FillAsync("2021-04-15");
        await Input(page, "campaign-start").BlurAsync();
        await Input(page, "campaign-end").FillAsync("2021-04-21");
        await Input(page, "campaign-end").BlurAsync();
        await page.GetByTestId("campaign-save").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/admin/campaigns/\d+$"));
        await Expect(Input(page, "target-public_benefited")).ToHaveValueAsync("11386");
        await ShotAsync(page, "campaign-saved");

        // The audit trail shows the new campaign with its target.
        await page.GotoAsync("/admin/audit");
        await Pages.WaitForInteractiveAsync(page);
        await Expect(page.GetByTestId("audit-list")).ToContainTextAsync("第27届全国肿瘤防治宣传周");
        await Expect(page.GetByTestId("audit-list")).ToContainTextAsync("11386");
        // In people's words: the kind of record and the field by name, not resource keys or property names.
        await Expect(page.GetByTestId("audit-list")).ToContainTextAsync("活动项目目标");
        await Expect(page.GetByTestId("audit-list")).ToContainTextAsync("目标值");
        await Expect(page.GetByTestId("audit-list")).Not.ToContainTextAsync("Audit_Entity_");
        await ShotAsync(page, "audit");
    }
}
