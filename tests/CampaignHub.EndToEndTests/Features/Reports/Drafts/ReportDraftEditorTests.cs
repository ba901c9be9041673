using CampaignHub.Testing;
using CampaignHub.Web.Data.Seeding;
using CampaignHub.Web.Domain;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CampaignHub.EndToEndTests.Features.Reports.Drafts;

/// <summary>The app with the Shanxi 2021 demo data, as Development runs it.</summary>
public sealed class ShanxiBrowserFixture() : BrowserFixture(settings =>
{
    settings["Seed:Demo"] = "true";
    settings["Seed:DemoPassword"] = "Demo-Password-2021";
});

/// <summary>The report draft editor on a phone: the Shanxi draft reordered, retitled, saved, reloaded and downloaded as Word.</summary>
public sealed class ReportDraftEditorTests(ShanxiBrowserFixture fixture) : IClassFixture<ShanxiBrowserFixture>
{
    [Fact]
    public async Task An_admin_moves_and_retitles_a_section_of_the_shanxi_draft_on_a_phone_saves_reloads_and_downloads_the_word_file()
    {
        var email = $"admin-{Guid.NewGuid():N}@example.org";
        await fixture.App.CreateUserAsync(email, Roles.Admin);
        int campaign;
        await using (var db = await fixture.App.DbAsync())
        {
            campaign = await db.Campaigns.Where(c => c.Name == ShanxiDemoSeeder.CampaignName).Select(c => c.Id).SingleAsync();
        }

        var page = await fixture.NewPageAsync(width: 390, height: 844);
        page.SetDefaultTimeout(30_000);
        await Pages.SignInAsync(page, email, TestData.Password);
        await Expect(page.GetByTestId("home-heading")).ToBeVisibleAsync();
        await page.GotoAsync($"/campaigns/{campaign}/report");
        await Pages.WaitForInteractiveAsync(page);
        await Expect(page.FrameLocator("[data-testid=report-preview]").Locator("h1")).ToHaveTextAsync("山西省抗癌协会4.15全国肿瘤防治宣传周活动总结");
        await Expect(page.GetByTestId("report-docx")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex($@"^/api/campaigns/{campaign}/report\.docx\?lang=zh-CN"));

        await page.GetByTestId("draft-new").ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/report-drafts/\d+$"));
        var url = page.Url;
        var preview = page.FrameLocator("[data-testid=draft-preview]");
        await Expect(preview.Locator("section.highlight h2").First).ToHaveTextAsync("一、组织观看启动仪式");
        var sections = page.Locator("[data-testid=draft-block][data-kind=section]");
        await Expect(sections).ToHaveCountAsync(4);

        // Move 资料宣传 above the watching of the national ceremony, then retitle it.
        await sections.Nth(1).GetByTestId("draft-up").ClickAsync();
        await Expect(sections.Nth(0).GetByTestId("draft-block-label")).ToContainTextAsync("资料宣传");
        var heading = sections.Nth(0).GetByTestId("draft-heading");
        await heading.FillAsync("资料宣传与社区海报");
        await heading.PressAsync("Tab");
        await Expect(preview.Locator("section.highlight h2").First).ToHaveTextAsync("一、资料宣传与社区海报");
        await Expect(preview.Locator("section.highlight h2").Nth(1)).ToHaveTextAsync("二、组织观看启动仪式");
        await Expect(page.GetByTestId("draft-unsaved")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "draft-editor-390.png"), FullPage = false });
        var wide = await page.EvaluateAsync<string>("[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 392).slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join(' | ')");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390, wide);

        await page.GetByTestId("draft-save").ClickAsync();
        await Expect(page.GetByTestId("draft-unsaved")).ToHaveCountAsync(0);

        await page.GotoAsync(url);
        await Pages.WaitForInteractiveAsync(page);
        await Expect(sections.Nth(0).GetByTestId("draft-block-label")).ToContainTextAsync("资料宣传与社区海报");
        await Expect(sections.Nth(1).GetByTestId("draft-block-label")).ToContainTextAsync("组织观看启动仪式");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("draft-docx").ClickAsync());
        download.SuggestedFilename.ShouldBe("山西省抗癌协会4.15全国肿瘤防治宣传周活动总结 2021-04-15–2021-04-21.docx");
        using var docx = WordprocessingDocument.Open(await download.PathAsync(), false);
        var headings = docx.MainDocumentPart!.Document!.Body!.Elements<Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1").Select(p => p.InnerText).ToList();
        headings.Take(2).ShouldBe(["一、资料宣传与社区海报", "二、组织观看启动仪式"]);
    }
}
