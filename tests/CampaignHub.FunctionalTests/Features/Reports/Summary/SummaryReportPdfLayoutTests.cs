using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CampaignHub.Testing;
using CampaignHub.Web.Data.Seeding;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignHub.FunctionalTests.Features.Reports.Summary;

/// <summary>
/// The summary report PDF as a reader gets it (issue 10, point 5), read back with poppler: named, subsetted CID
/// TrueType fonts only (no Type 3, bold included), every table's title and header on the page of its first row, the
/// total row once, no heading at the foot of a page, no nearly blank last page, and the Shanxi file under 300 KB.
/// </summary>
public sealed partial class SummaryReportPdfLayoutTests(ShanxiDemoAppFactory factory) : IClassFixture<ShanxiDemoAppFactory>
{
    private const int MaxShanxiBytes = 300 * 1024;

    private static readonly Table[] ChineseTables =
    [
        new("各项指标合计", ["类别", "指标", "合计", "单位"], null),
        new("各类活动场次", ["活动类型", "线上", "线下", "合计"], "合计"),
        new("各专委会活动情况", ["专委会", "活动场次", "服务人数"], null),
    ];

    private static readonly Table[] EnglishTables =
    [
        new("Totals by indicator", ["Group", "Indicator", "Total", "Unit"], null),
        new("Events by kind and channel", ["Kind", "Online", "Offline", "Total"], "Total"),
        new("Events and people served by committee", ["Committee", "Events", "People served"], null),
    ];

    private static readonly string[] Headings =
        ["专委会活动", "总体数据", "数据表", "目标完成情况", "图表", "Unit activities", "Totals", "Tables", "Progress against targets", "Charts",
         .. ChineseTables.Select(t => t.Title), .. EnglishTables.Select(t => t.Title)];

    [Fact]
    public async Task The_chinese_shanxi_report_is_a_clean_pdf_under_300_kb()
    {
        var pdf = await ReportPdfAsync(await ShanxiIdAsync(), "zh-CN");

        pdf.Length.ShouldBeLessThan(MaxShanxiBytes);
        await ShouldBeCleanAsync(pdf, ChineseTables);
    }

    [Fact]
    public async Task The_english_shanxi_report_is_a_clean_pdf_under_300_kb()
    {
        var pdf = await ReportPdfAsync(await ShanxiIdAsync(), "en");

        pdf.Length.ShouldBeLessThan(MaxShanxiBytes);
        await ShouldBeCleanAsync(pdf, EnglishTables);
    }

    [Fact]
    public async Task A_report_of_random_chinese_text_and_long_tables_is_a_clean_pdf()
    {
        var seed = Random.Shared.Next();
        var campaign = await RandomCampaignAsync(new Random(seed));

        var pdf = await ReportPdfAsync(campaign, "zh-CN");

        await ShouldBeCleanAsync(pdf, ChineseTables, $"random seed {seed}");
        // The units table is long enough to span pages: its header is printed again on the next one.
        var pages = await PdfTools.PageTextsAsync(pdf);
        pages.Count(p => HeaderLine(p, ChineseTables[2].Header) >= 0).ShouldBeGreaterThan(1, $"random seed {seed}");
    }

    private static async Task ShouldBeCleanAsync(byte[] pdf, Table[] tables, string because = "")
    {
        var fonts = await PdfTools.FontsAsync(pdf);
        fonts.ShouldNotBeEmpty();
        foreach (var (name, type) in fonts)
        {
            type.ShouldBe("CID TrueType", $"font {name}; {because}");
            SubsetName().IsMatch(name).ShouldBeTrue($"font {name} is not a named subset; {because}");
        }

        fonts.ShouldContain(f => f.Name.EndsWith("-Bold", StringComparison.Ordinal), $"the headings' real bold; {because}");

        var pages = (await PdfTools.PageTextsAsync(pdf)).Select(Lines).ToList();
        (await PdfTools.PageCountAsync(pdf)).ShouldBe(pages.Count);
        foreach (var table in tables)
        {
            var page = pages.FindIndex(p => HeaderLine(p, table.Header) >= 0);
            page.ShouldBeGreaterThanOrEqualTo(0, $"no header of {table.Title}; {because}");
            var lines = pages[page];
            var header = HeaderLine(lines, table.Header);
            lines.FindIndex(l => l.Trim() == table.Title).ShouldBeInRange(0, header - 1, $"the title of {table.Title} is not above its header on page {page + 1}; {because}");
            // At least its first row follows the header on the same page.
            header.ShouldBeLessThan(lines.Count - 1, $"{table.Title}'s header ends page {page + 1}; {because}");
            Regex.IsMatch(lines[header + 1], @"\s[\d,]+(\s|$)").ShouldBeTrue($"{table.Title}'s header is followed by \"{lines[header + 1]}\", not a row; {because}");
            if (table.TotalRow is not null)
            {
                pages.SelectMany(p => p).Count(l => Regex.IsMatch(l, $@"^\s*{table.TotalRow}(\s+[\d,]+){{3,}}\s*$"))
                    .ShouldBe(1, $"{table.Title}'s total row; {because}");
            }
        }

        for (var i = 0; i < pages.Count; i++)
        {
            pages[i].ShouldNotBeEmpty($"page {i + 1} is blank; {because}");
            var last = pages[i][^1].Trim();
            (Headings.Contains(last) || SectionHeading().IsMatch(last)).ShouldBeFalse($"page {i + 1} ends with the heading \"{last}\"; {because}");
        }

        PdfTools.Compact(string.Concat(pages[^1])).Length.ShouldBeGreaterThan(150, $"the last page is nearly blank; {because}");
    }

    /// <summary>A page's lines with text, without its footer (the title and "3 / 5"; a header ending in "上期 2021/4/8–4/14" is no footer).</summary>
    private static List<string> Lines(string page) =>
        page.Split('\n').Where(l => !string.IsNullOrWhiteSpace(l) && !Footer().IsMatch(ComparedColumn().Replace(l, ""))).ToList();

    private static int HeaderLine(string page, string[] header) => HeaderLine(Lines(page), header);

    /// <summary>The line of a table's header; a comparison's columns ("上期 2021/4/8–4/14") may stand among its cells.</summary>
    private static int HeaderLine(List<string> lines, string[] header) =>
        lines.FindIndex(l => Regex.IsMatch(ComparedColumn().Replace(l, ""), @"^\s*" + string.Join(@"\s+", header.Select(Regex.Escape)) + @"\s*$"));

    private async Task<byte[]> ReportPdfAsync(int campaign, string language)
    {
        var (_, client) = await factory.ApiUserAsync(Roles.Admin);
        var response = await client.GetAsync($"/api/campaigns/{campaign}/report.pdf?lang={language}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadAsByteArrayAsync();
    }

    private async Task<int> ShanxiIdAsync()
    {
        await using var db = await factory.DbAsync();
        return await db.Campaigns.Where(c => c.Name == ShanxiDemoSeeder.CampaignName).Select(c => c.Id).SingleAsync();
    }

    /// <summary>
    /// A week of 40 units and 90 held events, a third highlighted, with titles, narratives and names of random
    /// GB 2312 characters, Latin and punctuation: the units table runs over a page.
    /// </summary>
    private async Task<int> RandomCampaignAsync(Random random)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gb2312 = Encoding.GetEncoding("gb2312");
        // GB 2312's hanzi: rows 0xB0-0xF7, cells 0xA1-0xFE (row 0xD7 ends at 0xF9).
        string Hanzi(int count) => new(Enumerable.Range(0, count).Select(_ =>
        {
            var row = random.Next(0xB0, 0xF8);
            var cell = random.Next(0xA1, row == 0xD7 ? 0xFA : 0xFF);
            return gb2312.GetString([(byte)row, (byte)cell])[0];
        }).ToArray());
        string Sentence() => Hanzi(random.Next(8, 30)) + random.Next(4) switch { 0 => "，", 1 => "。", 2 => $" CT {random.Next(1, 999)} 例；", _ => "（A-Z）、" };

        var units = new List<int>();
        for (var i = 0; i < 40; i++)
        {
            units.Add(await factory.AddUnitAsync($"{Hanzi(random.Next(2, 8))}专委会{Guid.NewGuid():N}"[..16]));
        }

        var campaign = await factory.AddCampaignAsync(Hanzi(10) + "宣传周", new(2024, 4, 15), new(2024, 4, 21), [.. units]);
        var admin = await factory.ActorAsync(await factory.CreateUserAsync($"admin-{Guid.NewGuid():N}@test.campaignhub.local", Roles.Admin));
        var kinds = Codes<EventKind>.All.ToArray();
        await using var scope = factory.Services.CreateAsyncScope();
        var events = scope.ServiceProvider.GetRequiredService<EventService>();
        for (var i = 0; i < 90; i++)
        {
            var start = new DateTime(2024, 4, 15 + random.Next(7), random.Next(8, 18), 0, 0);
            await events.CreateAsync(admin, new EventInput
            {
                CampaignId = campaign,
                UnitIds = [units[i % units.Count]],
                Title = Hanzi(random.Next(4, 16)),
                Kind = kinds[random.Next(kinds.Length)],
                Channel = "offline",
                Location = Hanzi(random.Next(3, 10)),
                Status = "held",
                Start = start,
                End = start.AddHours(2),
                Narrative = i % 3 == 0 ? string.Concat(Enumerable.Range(0, random.Next(2, 8)).Select(_ => Sentence())) : null,
                Highlight = i % 3 == 0,
                Figures = new() { ["patients_benefited"] = random.Next(1, 500), ["brochures"] = random.Next(1, 900) },
            });
        }

        return campaign;
    }

    [GeneratedRegex(@"\s+(上期|去年同期|Previous period|A year earlier) [\d/–]+")]
    private static partial Regex ComparedColumn();

    private sealed record Table(string Title, string[] Header, string? TotalRow);

    /// <summary>pdffonts' name of a subset: six capitals, a plus, the font's PostScript name.</summary>
    [GeneratedRegex(@"^[A-Z]{6}\+\S+$")]
    private static partial Regex SubsetName();

    [GeneratedRegex(@"\d+\s*/\s*\d+\s*$")]
    private static partial Regex Footer();

    /// <summary>A numbered section's heading: "三、…" or "12. …".</summary>
    [GeneratedRegex(@"^([一二三四五六七八九十]+、|\d+\.\s)")]
    private static partial Regex SectionHeading();
}
