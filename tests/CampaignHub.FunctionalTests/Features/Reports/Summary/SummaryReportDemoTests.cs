using System.Globalization;
using System.Net;
using CampaignHub.Testing;
using CampaignHub.Web.Data.Seeding;
using CampaignHub.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CampaignHub.FunctionalTests.Features.Reports.Summary;

/// <summary>
/// The proof against the source (issue 5, point 6): with the Shanxi 2021 demo data, the PDF's totals paragraph
/// carries every figure of the closing table of seeds/README.md, in the source's order, in Chinese and in English.
/// </summary>
public sealed class SummaryReportDemoTests(ShanxiDemoAppFactory factory) : IClassFixture<ShanxiDemoAppFactory>
{
    private static readonly string SeedsDirectory = RepositoryPaths.SeedsDirectory;

    [Fact]
    public async Task The_chinese_pdf_totals_paragraph_has_every_figure_of_the_source_table_in_its_order()
    {
        var table = ClosingTable();
        table.Count.ShouldBe(27);

        var pdf = await ReportPdfAsync("zh-CN");

        var paragraph = ReportPdfText.TotalsParagraph(await ReportPdfText.LayoutAsync(pdf), "总体数据", "数据表");
        ReportPdfText.ShouldContainInOrder(paragraph, table.Select(r => r.Value));
        // Written in the source's manner: the item, the number as digits, the unit.
        var compact = PdfTools.Compact(paragraph);
        foreach (var phrase in new[] { "参加本次活动的医护人员543人", "科技工作者23人", "线上媒体访谈7场", "线下患者交流活动64场", "发放科普图书380册", "宣传资料2542册", "音像制品11个", "公众11386人", "微信公众号流量38171人次" })
        {
            compact.ShouldContain(phrase);
        }
    }

    [Fact]
    public async Task The_english_pdf_totals_paragraph_has_every_figure_of_the_source_table_in_its_order()
    {
        var pdf = await ReportPdfAsync("en");

        var paragraph = ReportPdfText.TotalsParagraph(await ReportPdfText.LayoutAsync(pdf), "Totals", "Tables");
        ReportPdfText.ShouldContainInOrder(paragraph, ClosingTable().Select(r => r.Value));
        var compact = PdfTools.Compact(paragraph);
        foreach (var phrase in new[] { "543medicalstaff", "2542brochuresandleaflets", "38171viewsontheWeChatofficialaccount" })
        {
            compact.ShouldContain(phrase);
        }
    }

    [Fact]
    public async Task The_chinese_report_numbers_the_highlighted_events_and_names_the_units_in_the_footer()
    {
        var pdf = await ReportPdfAsync("zh-CN");

        var text = PdfTools.Compact(await ReportPdfText.LayoutAsync(pdf));
        text.ShouldContain("山西省抗癌协会4.15全国肿瘤防治宣传周活动总结");
        text.ShouldContain("一、");
        text.ShouldContain("二、");
        text.ShouldContain("三、");
        // A narrative of the source text, quoted as logged.
        text.ShouldContain("“康爱天使合唱团”进行了文艺表演");
        text.ShouldContain("等25个专委会，运用线上线下相结合的方式开展各类活动444场");
        (await PdfTools.PageSizeAsync(pdf)).ShouldContain("A4");
        var pages = await PdfTools.PageCountAsync(pdf);
        text.ShouldContain(PdfTools.Compact($"{pages} / {pages}"));
    }

    private async Task<byte[]> ReportPdfAsync(string language)
    {
        var (_, client) = await factory.ApiUserAsync(Roles.Admin);
        var response = await client.GetAsync($"/api/campaigns/{await CampaignIdAsync()}/report.pdf?lang={language}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        return await response.Content.ReadAsByteArrayAsync();
    }

    private async Task<int> CampaignIdAsync()
    {
        await using var db = await factory.DbAsync();
        return await db.Campaigns.Where(c => c.Name == ShanxiDemoSeeder.CampaignName).Select(c => c.Id).SingleAsync();
    }

    /// <summary>The closing table of seeds/README.md, row by row in the source's order: item and value.</summary>
    private static List<(string Item, decimal Value)> ClosingTable() =>
        File.ReadAllLines(Path.Combine(SeedsDirectory, "README.md"))
            .SkipWhile(l => !l.StartsWith("## The closing totals", StringComparison.Ordinal))
            .Where(l => l.StartsWith('|'))
            .Select(l => l.Trim('|').Split('|').Select(c => c.Trim()).ToArray())
            .Skip(2)
            .Select(cells => (cells[1], decimal.Parse(cells[2], CultureInfo.InvariantCulture)))
            .ToList();
}
