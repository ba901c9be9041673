using CampaignHub.Testing;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CampaignHub.EndToEndTests.Features.Reports.Summary;

/// <summary>The summary report page on a phone: the preview in either language, the PDF download, finalising and unlocking.</summary>
public sealed class SummaryReportPageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_admin_previews_downloads_finalises_and_unlocks_the_report_from_a_phone()
    {
        var unit = await fixture.App.AddUnitAsync("乳腺癌专委会");
        var campaign = await fixture.App.AddCampaignAsync("2021 宣传周", new(2021, 4, 15), new(2021, 4, 21), unit);
        var email = $"admin-{Guid.NewGuid():N}@example.org";
        var admin = await fixture.App.ActorAsync(await fixture.App.CreateUserAsync(email, Roles.Admin));
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<EventService>().CreateAsync(admin, new EventInput
            {
                CampaignId = campaign, UnitIds = [unit], Title = "乳腺癌义诊", Kind = "free_clinic", Channel = "offline", Status = "held",
                Start = new DateTime(2021, 4, 16, 9, 0, 0), End = new DateTime(2021, 4, 16, 11, 0, 0), Highlight = true,
                Narrative = "专家为200余名群众义诊。", Figures = new() { ["patients_benefited"] = 200, ["staff_medical"] = 12 },
            });
        }

        var page = await fixture.NewPageAsync(width: 390, height: 844);
        await Pages.SignInAsync(page, email, TestData.Password);
        await Expect(page.GetByTestId("home-heading")).ToBeVisibleAsync();
        await page.GotoAsync("/reports");
        await Pages.WaitForInteractiveAsync(page);
        // Other tests of this class add campaigns of their own: open this one's row.
        await page.Locator("tr", new() { HasText = "2021 宣传周" }).GetByTestId("reports-open").ClickAsync();

        var preview = page.FrameLocator("[data-testid=report-preview]");
        await Expect(preview.Locator("h1")).ToHaveTextAsync("2021 宣传周活动总结");
        await Expect(preview.Locator("section.highlight h2")).ToHaveTextAsync("一、乳腺癌义诊");
        await Expect(preview.Locator("[data-testid=totals-paragraph]")).ToHaveTextAsync("统计期间，参加本次活动的医护人员12人，开展线下义诊咨询活动1场，患者200人受益。");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);

        await page.GetByTestId("report-language").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "英文" }).ClickAsync();
        await Expect(preview.Locator("h1")).ToHaveTextAsync("Summary of the 2021 宣传周");
        await Expect(preview.Locator("section.highlight h2")).ToHaveTextAsync("1. 乳腺癌义诊");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("report-download").ClickAsync());
        download.SuggestedFilename.ShouldEndWith(".pdf");
        var file = await download.PathAsync();
        (await File.ReadAllBytesAsync(file)).AsSpan(0, 5).ToArray().ShouldBe("%PDF-"u8.ToArray());

        await page.GetByTestId("report-finalise").ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "定稿" }).ClickAsync();
        await Expect(page.GetByTestId("report-message")).ToContainTextAsync("总结已定稿");
        await Expect(page.GetByTestId("report-archive-status")).ToContainTextAsync("已锁定");
        await Expect(page.GetByTestId("report-archive-download")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex(@"^/api/reports/\d+\.pdf$"));

        await page.GetByTestId("report-archive-unlock").ClickAsync();
        await page.GetByTestId("report-unlock-confirm").ClickAsync();
        await Expect(page.GetByTestId("report-unlock-form")).ToContainTextAsync("请填写解锁原因");
        await page.GetByTestId("report-unlock-reason").FillAsync("补录义诊数据");
        await page.GetByTestId("report-unlock-confirm").ClickAsync();
        await Expect(page.GetByTestId("report-archive-status")).ToContainTextAsync("补录义诊数据");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);
    }

    [Fact]
    public async Task Hospital_staff_are_told_the_report_is_not_for_them()
    {
        var unit = await fixture.App.AddUnitAsync("肺癌专委会");
        var campaign = await fixture.App.AddCampaignAsync("2022 宣传周", new(2022, 4, 15), new(2022, 4, 21), unit);
        var email = $"staff-{Guid.NewGuid():N}@example.org";
        await fixture.App.CreateUserAsync(email, Roles.Staff);
        var page = await fixture.NewPageAsync();
        await Pages.SignInAsync(page, email, TestData.Password);
        await Expect(page.GetByTestId("home-heading")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("nav-reports")).ToHaveCountAsync(0);

        await page.GotoAsync($"/campaigns/{campaign}/report");
        await Pages.WaitForInteractiveAsync(page);

        await Expect(page.GetByTestId("report-forbidden")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("report-preview")).ToHaveCountAsync(0);
    }
}
