using System.Text;
using System.Text.RegularExpressions;
using CampaignHub.Testing;
using CampaignHub.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CampaignHub.EndToEndTests.Features.Spreadsheets;

/// <summary>The import page on a phone: a file with errors shows them by row and column, a good file is imported.</summary>
public sealed class ImportPageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Header = "title,kind,channel,platform,start,end,units,venue,series,stop,status,highlight,narrative,patients_benefited";

    [Fact]
    public async Task A_coordinator_imports_a_spreadsheet_from_a_phone_after_fixing_the_rows_it_lists()
    {
        var unit = await fixture.App.AddUnitAsync("宫颈癌专委会");
        var campaign = await fixture.App.AddCampaignAsync("2021 宣传周", new(2021, 4, 15), new(2021, 4, 21), unit);
        var email = $"coordinator-{Guid.NewGuid():N}@example.org";
        await fixture.App.CreateUserAsync(email, Roles.Coordinator, unit);
        var page = await fixture.NewPageAsync(width: 390, height: 844);
        await Pages.SignInAsync(page, email, TestData.Password);
        await Expect(page.GetByTestId("home-heading")).ToBeVisibleAsync();

        await page.GotoAsync($"/campaigns/{campaign}/import");
        await Pages.WaitForInteractiveAsync(page);
        await Expect(page.GetByTestId("template-xlsx")).ToHaveAttributeAsync("href", $"/api/campaigns/{campaign}/events/import-template?format=xlsx");
        await Expect(page.GetByTestId("export-csv")).ToHaveAttributeAsync("href", $"/api/campaigns/{campaign}/events/export?format=csv");

        var bad = $"{Header}\n义诊,free_clinic,offline,,2021-04-16 09:00,2021-04-16 11:00,宫颈癌专委会,,,,held,yes,,80\n讲座,picnic,offline,,2021-04-16 09:00,2021-04-16 08:00,宫颈癌专委会,,,,held,yes,,-1\n";
        await page.Locator("input[type=file]:not(.d-none)").SetInputFilesAsync(new FilePayload { Name = "events.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(bad) });

        await Expect(page.GetByTestId("import-message")).ToContainTextAsync("未导入任何内容");
        var errors = page.GetByTestId("import-errors");
        await Expect(errors).ToContainTextAsync("kind");
        await Expect(errors).ToContainTextAsync("patients_benefited");
        await Expect(errors.Locator("tbody tr")).ToHaveCountAsync(3);
        await Expect(errors.Locator("tbody tr").First).ToContainTextAsync("3");
        (await CountAsync(campaign)).ShouldBe(0);

        var good = bad.Replace("picnic", "lecture").Replace("08:00", "10:00").Replace(",-1", ",20");
        await page.Locator("input[type=file]:not(.d-none)").SetInputFilesAsync(new FilePayload { Name = "events.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(good) });

        await Expect(page.GetByTestId("import-message")).ToContainTextAsync(new Regex("已导入 2 场活动"));
        await Expect(page.GetByTestId("import-errors")).ToHaveCountAsync(0);
        (await CountAsync(campaign)).ShouldBe(2);
        // Nothing on the page is wider than the phone.
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);
    }

    private async Task<int> CountAsync(int campaign)
    {
        await using var db = await fixture.App.DbAsync();
        return await db.Events.CountAsync(e => e.CampaignId == campaign);
    }
}
