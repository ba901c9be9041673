using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Globalization;
using CampaignHub.Testing;
using CampaignHub.Web.Data.Seeding;
using CampaignHub.Web.Domain;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;

namespace CampaignHub.FunctionalTests.Features.Reports.Drafts;

/// <summary>
/// The default draft of the Shanxi 2021 demo against the association's own summary (seeds/000_e46fe9d50bf54d3b.txt):
/// its title, its four sections in the source's order with the lead-up events, the units in sentences, the
/// media closing it, nothing empty; and the Word file read back with the OpenXml SDK.
/// </summary>
public sealed class ShanxiDraftTests(ShanxiDemoAppFactory factory) : IClassFixture<ShanxiDemoAppFactory>
{
    [Fact]
    public async Task The_default_draft_of_the_shanxi_week_is_titled_grouped_and_closed_like_the_source()
    {
        var (_, client) = await factory.ApiUserAsync(Roles.Admin);
        var campaign = await CampaignIdAsync();

        var response = await client.PostAsJsonAsync($"/api/campaigns/{campaign}/report-drafts", new { lang = "zh-CN" });

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var draft = await response.Content.ReadFromJsonAsync<JsonElement>();
        draft.GetProperty("title").GetString().ShouldBe("山西省抗癌协会4.15全国肿瘤防治宣传周活动总结");
        var blocks = draft.GetProperty("blocks").EnumerateArray().ToList();
        blocks.Select(b => b.GetProperty("kind").GetString()).Distinct().ShouldBe(["opening", "section", "units", "totals", "closing"]);

        var sections = blocks.Where(b => b.GetProperty("kind").GetString() == "section").ToList();
        sections.Select(s => s.GetProperty("heading").GetString()).ShouldBe(["组织观看启动仪式", "资料宣传", "举办山西省肿瘤防治宣传周启动仪式", "4.15系列活动"]);
        // The lead-up (4/11, 4/12–13) and follow-up (4/26, 4/27) events are told in their place in the story.
        var starts = draft.GetProperty("events").EnumerateArray()
            .ToDictionary(e => e.GetProperty("id").GetInt32(), e => e.GetProperty("start").GetDateTime());
        DateOnly First(JsonElement section) => section.GetProperty("eventIds").EnumerateArray().Select(id => DateOnly.FromDateTime(starts[id.GetInt32()])).Min();
        sections.Select(First).ShouldBe([new(2021, 4, 11), new(2021, 4, 12), new(2021, 4, 15), new(2021, 4, 15)]);
        sections[3].GetProperty("eventIds").EnumerateArray().Select(id => DateOnly.FromDateTime(starts[id.GetInt32()]))
            .ShouldContain(new DateOnly(2021, 4, 27));

        var opening = blocks[0].GetProperty("text").GetString()!;
        opening.ShouldStartWith("每年的4月15日-21日是由中国抗癌协会倡导的全国肿瘤防治宣传周");
        opening.ShouldContain("本届主题为“点亮癌症之路 助力健康中国”");
        opening.ShouldContain("山西省抗癌协会联合山西省肿瘤医院、山西省癌症中心组织开展了系列活动");
        opening.ShouldContain("形式包括启动仪式、义诊咨询、科普讲座");

        // Sentences naming the units, with examples; not a run of 25 units × counts.
        var units = blocks.Single(b => b.GetProperty("kind").GetString() == "units").GetProperty("text").GetString()!;
        units.ShouldStartWith("统计期间，山西省抗癌协会组织肺癌、健康教育与健康促进、");
        units.ShouldContain("等{units}个专委会，运用线上线下相结合的方式开展各类活动{events}场");
        units.ShouldContain("。开展活动较多的有乳腺癌专委会（{unit:");
        units.Split('。', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBeLessThanOrEqualTo(3);
        units.Split("场").Length.ShouldBeLessThan(8);

        blocks.Single(b => b.GetProperty("kind").GetString() == "closing").GetProperty("text").GetString()
            .ShouldBe("健康生活报、山西社会与法制频道、生活晨报、山西科技报等多家媒体单位对活动进行了采访报道，广泛传播了防癌抗癌健康知识，营造了全民防癌抗癌的良好氛围。");
        blocks.Where(b => b.GetProperty("kind").GetString() is "opening" or "units" or "closing")
            .ShouldAllBe(b => !string.IsNullOrWhiteSpace(b.GetProperty("text").GetString()));

        // The printed draft: numbered as the source, no empty parts written as "none".
        var id = draft.GetProperty("id").GetInt32();
        using var docx = new ReportDocx(await (await client.GetAsync($"/api/report-drafts/{id}.docx")).Content.ReadAsByteArrayAsync());
        docx.Headings("Heading1").Take(5).ShouldBe(["一、组织观看启动仪式", "二、资料宣传", "三、举办山西省肿瘤防治宣传周启动仪式", "四、4.15系列活动", "五、专委会活动"]);
        docx.Text.ShouldNotContain("未设定目标");
        docx.Text.ShouldContain("等25个专委会，运用线上线下相结合的方式开展各类活动");
    }

    [Fact]
    public async Task The_word_report_has_word_styles_chinese_fonts_a4_every_figure_of_the_source_in_order_its_tables_and_charts()
    {
        var (_, client) = await factory.ApiUserAsync(Roles.Admin);
        var response = await client.GetAsync($"/api/campaigns/{await CampaignIdAsync()}/report.docx?lang=zh-CN");

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("山西省抗癌协会4.15全国肿瘤防治宣传周活动总结 2021-04-15–2021-04-21.docx");
        using var docx = new ReportDocx(await response.Content.ReadAsByteArrayAsync());

        docx.Headings("Title").ShouldBe(["山西省抗癌协会4.15全国肿瘤防治宣传周活动总结"]);
        docx.Headings("Heading1").ShouldContain("总体数据");
        docx.Headings("Heading1").ShouldContain("数据表");
        docx.Headings("Heading2").ShouldContain("各项指标合计");

        // The totals paragraph: every figure of the source's closing table, in the source's order.
        var paragraphs = docx.Paragraphs;
        var totals = paragraphs[paragraphs.FindIndex(p => p.Text == "总体数据") + 1].Text;
        totals.ShouldStartWith("统计期间，参加本次活动的医护人员543人");
        ReportPdfText.ShouldContainInOrder(totals, ClosingTable());

        // Tables in the table style, the metrics table with the source's figures.
        docx.Tables.Count.ShouldBeGreaterThanOrEqualTo(3);
        docx.Tables.ShouldAllBe(t => t.GetFirstChild<TableProperties>()!.TableStyle!.Val!.Value == "ReportTable");
        docx.Tables[0].InnerText.ShouldContain("38171");
        // The charts, as PNG pictures.
        docx.Document.MainDocumentPart!.ImageParts.Count(p => p.ContentType == "image/png").ShouldBeGreaterThanOrEqualTo(3);
        docx.Body.Descendants<Drawing>().Count().ShouldBeGreaterThanOrEqualTo(3);

        // Styles a user can change, fonts Chinese Word knows, A4, page numbers.
        var styles = docx.Document.MainDocumentPart!.StyleDefinitionsPart!.Styles!;
        string? EastAsia(string styleId) => styles.Elements<Style>().Single(s => s.StyleId == styleId).StyleRunProperties?.RunFonts?.EastAsia?.Value;
        EastAsia("Heading1").ShouldBe("黑体");
        styles.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!.RunFonts!.EastAsia!.Value.ShouldBe("宋体");
        styles.DocDefaults.RunPropertiesDefault.RunPropertiesBaseStyle.RunFonts.Ascii!.Value.ShouldBe("Times New Roman");
        styles.Elements<Style>().Select(s => s.StyleId!.Value).ShouldContain("Heading2");
        var page = docx.Body.GetFirstChild<SectionProperties>()!.GetFirstChild<PageSize>()!;
        (page.Width!.Value, page.Height!.Value).ShouldBe((11906u, 16838u));
        docx.Document.MainDocumentPart.FooterParts.Single().Footer!.Descendants<SimpleField>().Select(f => f.Instruction!.Value!.Trim()).ShouldContain("PAGE");
    }

    private async Task<int> CampaignIdAsync()
    {
        await using var db = await factory.DbAsync();
        return await db.Campaigns.Where(c => c.Name == ShanxiDemoSeeder.CampaignName).Select(c => c.Id).SingleAsync();
    }

    /// <summary>The values of the closing table of seeds/README.md, in the source's order.</summary>
    private static List<decimal> ClosingTable() =>
        File.ReadAllLines(Path.Combine(RepositoryPaths.SeedsDirectory, "README.md"))
            .SkipWhile(l => !l.StartsWith("## The closing totals", StringComparison.Ordinal))
            .Where(l => l.StartsWith('|'))
            .Select(l => l.Trim('|').Split('|').Select(c => c.Trim()).ToArray())
            .Skip(2)
            .Select(cells => decimal.Parse(cells[2], CultureInfo.InvariantCulture))
            .ToList();
}
