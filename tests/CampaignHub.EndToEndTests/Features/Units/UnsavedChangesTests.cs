using System.Text.RegularExpressions;
using CampaignHub.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CampaignHub.EndToEndTests.Features.Units;

/// <summary>An admin on a phone types into a unit's form and taps away: the app asks before the typing is lost.</summary>
public sealed class UnsavedChangesTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Leaving_a_unit_form_with_unsaved_edits_asks_first_in_the_app_and_when_closing_the_tab()
    {
        var page = await fixture.NewPageAsync(width: 390, height: 844);
        await Pages.SignInAsync(page, CampaignHubAppFactory.AdminEmail, CampaignHubAppFactory.AdminPassword);
        await Expect(page.GetByTestId("home-heading")).ToBeVisibleAsync();
        await page.GotoAsync("/admin/units");
        await Pages.WaitForInteractiveAsync(page);

        await page.GetByTestId("unit-new").ClickAsync();
        var name = page.Locator("input[data-testid=unit-name], [data-testid=unit-name] input").First;
        await name.FillAsync("头颈肿瘤专委会");

        // In the app: the menu's link asks; staying keeps the page and what was typed.
        await Pages.OpenMenuAsync(page, "nav-events");
        await page.GetByTestId("nav-events").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("有未保存的修改");
        await Expect(dialog).ToContainTextAsync("本页填写的内容尚未保存");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "campaignhub-phone-unsaved.png") });
        await dialog.GetByRole(AriaRole.Button, new() { Name = "留在本页" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/admin/units$"));
        await Expect(name).ToHaveValueAsync("头颈肿瘤专委会");

        // Closing the tab gets the browser's own question.
        var asked = new TaskCompletionSource<string>();
        page.Dialog += async (_, question) =>
        {
            asked.TrySetResult(question.Type);
            await question.DismissAsync();
        };
        await page.CloseAsync(new PageCloseOptions { RunBeforeUnload = true });
        (await asked.Task.WaitAsync(TimeSpan.FromSeconds(10))).ShouldBe(DialogType.BeforeUnload);
        page.IsClosed.ShouldBeFalse();

        // Leaving knowingly drops the edits and goes.
        await page.GetByTestId("nav-toggle").ClickAsync();
        await page.GetByTestId("nav-events").ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "不保存，离开" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/events$"));
    }

    [Fact]
    public async Task A_saved_unit_leaves_without_a_question()
    {
        var page = await fixture.NewPageAsync(width: 390, height: 844);
        await Pages.SignInAsync(page, CampaignHubAppFactory.AdminEmail, CampaignHubAppFactory.AdminPassword);
        await Expect(page.GetByTestId("home-heading")).ToBeVisibleAsync();
        await page.GotoAsync("/admin/units");
        await Pages.WaitForInteractiveAsync(page);

        await page.GetByTestId("unit-new").ClickAsync();
        var unit = $"肺癌专委会{Guid.NewGuid():N}"[..12];
        await page.Locator("input[data-testid=unit-name], [data-testid=unit-name] input").First.FillAsync(unit);
        await page.GetByTestId("unit-save").ClickAsync();
        await Expect(page.GetByTestId("unit-list")).ToContainTextAsync(unit);

        await Pages.OpenMenuAsync(page, "nav-events");
        await page.GetByTestId("nav-events").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/events$"));
        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
    }
}
