using CampaignHub.Testing;
using CampaignHub.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CampaignHub.EndToEndTests.Features.Campaigns;

/// <summary>
/// An admin on a phone makes a campaign a project and enters its measured outcome: a sample size of 0 is refused
/// next to its field, the corrected one is saved, and the report's preview opens with the outcome in its sentence.
/// </summary>
public sealed class CampaignOutcomeEntryTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    /// <summary>A MudBlazor input by its data-testid, which sits on the input itself or on its wrapper.</summary>
    private static ILocator Input(ILocator scope, string testId) =>
        scope.Locator($"input[data-testid={testId}], [data-testid={testId}] input").First;

    [Fact]
    public async Task An_admin_on_a_phone_enters_an_outcome_and_the_report_opens_with_it()
    {
        var unit = await fixture.App.AddUnitAsync("戒烟门诊", UnitKind.Department);
        var campaign = await fixture.App.AddCampaignAsync("西部戒烟关爱行动", new(2021, 4, 20), new(2021, 8, 6), unit);
        var page = await fixture.NewPageAsync(width: 390, height: 844);
        await Pages.SignInAsync(page, CampaignHubAppFactory.AdminEmail, CampaignHubAppFactory.AdminPassword);
        await Expect(page.GetByTestId("home-heading")).ToBeVisibleAsync();

        await page.GotoAsync($"/admin/campaigns/{campaign}");
        await Pages.WaitForInteractiveAsync(page);
        await page.GetByTestId("campaign-form").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "项目", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("campaign-form")).ToHaveTextAsync("项目");
        await page.GetByTestId("outcome-add").ClickAsync();
        var row = page.GetByTestId("outcome-row").First;
        await Input(row, "outcome-name").FillAsync("1个月后成功戒烟率");
        await Input(row, "outcome-rate").FillAsync("47.8");
        await Input(row, "outcome-rate").BlurAsync();
        await Input(row, "outcome-sample-size").FillAsync("0");
        await Input(row, "outcome-sample-size").BlurAsync();
        await page.GetByTestId("campaign-save").ClickAsync();

        await Expect(row).ToContainTextAsync("样本量至少为 1。");
        // Whatever sticks out past the phone's width is named in the failure.
        var wide = await page.EvaluateAsync<string>("Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > 392).slice(0, 15).map(e => e.tagName + '.' + e.className + '#' + (e.getAttribute('data-testid')||'') + ':' + Math.round(e.getBoundingClientRect().right)).join('\\n')");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390, wide);
        await using (var db = await fixture.App.DbAsync())
        {
            (await db.Campaigns.Include(c => c.Outcomes).SingleAsync(c => c.Id == campaign)).Outcomes.ShouldBeEmpty();
        }

        await Input(row, "outcome-sample-size").FillAsync("17326");
        await Input(row, "outcome-sample-size").BlurAsync();
        await page.GetByTestId("campaign-save").ClickAsync();
        await Expect(page.GetByText("已保存。")).ToBeVisibleAsync();
        await Expect(row).Not.ToContainTextAsync("样本量至少为 1。");
        await using (var db = await fixture.App.DbAsync())
        {
            var saved = await db.Campaigns.Include(c => c.Outcomes).SingleAsync(c => c.Id == campaign);
            saved.Form.ShouldBe(CampaignForm.Project);
            var outcome = saved.Outcomes.Single();
            (outcome.Name, outcome.RatePercent, outcome.SampleSize).ShouldBe(("1个月后成功戒烟率", 47.8m, 17326));
        }

        await page.GotoAsync($"/campaigns/{campaign}/report");
        await Pages.WaitForInteractiveAsync(page);
        var preview = page.FrameLocator("[data-testid=report-preview]");
        await Expect(preview.Locator("[data-testid=report-opening]")).ToContainTextAsync("1个月后成功戒烟率47.8%");
        await Expect(preview.Locator("[data-testid=results-table]")).ToContainTextAsync("样本量17326");
    }
}
