using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CampaignHub.Testing;
using CampaignHub.Web.Domain;

namespace CampaignHub.FunctionalTests.Features.Reports.Summary;

/// <summary>
/// A small project built through the API, as seed 003 and 004 describe theirs: its report (PDF read back with
/// pdftotext, and the .docx) opens in the project's words with its organisers, partner sites, regions, people served
/// and outcomes, and carries the results table, the screening funnel with its rates, the regions and partner sites,
/// and the awards. A computed rate with nothing to divide by reads "—". An English-first campaign's report is English
/// when no language is asked for.
/// </summary>
public sealed partial class CampaignResultsReportTests(CampaignHubAppFactory factory) : IClassFixture<CampaignHubAppFactory>
{
    private async Task<int> OrganisationAsync(HttpClient admin, string name, string kind) =>
        (await (await admin.PostAsJsonAsync("/api/organisations", new { name, kind })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

    /// <summary>The project with its figures: 17326 people served; invited 1000 → screened 800 → positive 40; nothing referred.</summary>
    private async Task<(int Campaign, HttpClient Admin)> ProjectAsync(string form, string language, string suffix)
    {
        var (_, admin) = await factory.ApiUserAsync(Roles.Admin);
        var unit = await factory.AddUnitAsync($"戒烟门诊{suffix}", UnitKind.Department);
        var association = await OrganisationAsync(admin, $"中国控制吸烟协会{suffix}", "association");
        var hospital = await OrganisationAsync(admin, $"北京朝阳医院{suffix}", "hospital");
        var partner = await OrganisationAsync(admin, $"青海省人民医院{suffix}", "hospital");
        var host = await OrganisationAsync(admin, $"北京市呼吸疾病研究所{suffix}", "other");
        var body = new JsonObject
        {
            ["name"] = $"西部戒烟关爱行动{suffix}",
            ["nameEn"] = "Western China Smoking Cessation Project",
            ["form"] = form,
            ["reportLanguage"] = language,
            ["theme"] = "科学戒烟",
            ["aim"] = "向西部地区吸烟者提供戒烟服务",
            ["aimEn"] = "offer smokers in western China help to quit",
            ["startDate"] = "2021-04-20",
            ["endDate"] = "2021-08-06",
            ["organiserIds"] = new JsonArray(association, hospital),
            ["partnerSiteIds"] = new JsonArray(partner),
            ["hostIds"] = new JsonArray(host),
            ["partnerSiteCount"] = 9,
            ["unitIds"] = new JsonArray(unit),
            ["regions"] = new JsonArray(new JsonObject { ["name"] = "四川省", ["nameEn"] = "Sichuan" }, new JsonObject { ["name"] = "青海省", ["nameEn"] = "Qinghai" }),
            ["outcomes"] = new JsonArray(
                new JsonObject
                {
                    ["name"] = "1个月后成功戒烟率", ["nameEn"] = "Quit rate after one month", ["ratePercent"] = 47.8m, ["sampleSize"] = 17326,
                    ["method"] = "随访", ["methodEn"] = "follow-up", ["measuredOn"] = "2021-08-06", ["targetPercent"] = 40,
                },
                new JsonObject { ["name"] = "知晓率", ["nameEn"] = "Awareness", ["ratePercent"] = 70, ["bound"] = "more_than" },
                new JsonObject { ["name"] = "筛查阳性率", ["nameEn"] = "Positive rate", ["kind"] = "computed", ["numeratorMetric"] = "positive", ["denominatorMetric"] = "screened" },
                new JsonObject { ["name"] = "早诊率", ["nameEn"] = "Early diagnosis rate", ["kind"] = "computed", ["numeratorMetric"] = "diagnosed_early", ["denominatorMetric"] = "referred" }),
            ["awards"] = new JsonArray(
                new JsonObject { ["name"] = "控烟大使", ["nameEn"] = "Tobacco control ambassador", ["recipientCount"] = 7 },
                new JsonObject { ["name"] = "控烟先锋", ["nameEn"] = "Tobacco control pioneer" },
                new JsonObject
                {
                    ["name"] = "戒烟大使", ["nameEn"] = "Quit-smoking ambassador",
                    ["recipients"] = new JsonArray(new JsonObject { ["name"] = "王先生", ["nameEn"] = "Mr Wang", ["organisation"] = "北京朝阳医院戒烟门诊", ["organisationEn"] = "Chaoyang Hospital" }),
                }),
        };
        var created = await admin.PostAsJsonAsync("/api/campaigns", body);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var campaign = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        var figures = await admin.PostAsJsonAsync($"/api/campaigns/{campaign}/figures", new
        {
            unitId = unit, date = "2021-05-10",
            figures = new Dictionary<string, decimal> { ["public_benefited"] = 17326, ["invited"] = 1000, ["screened"] = 800, ["positive"] = 40 },
        });
        figures.StatusCode.ShouldBe(HttpStatusCode.Created, await figures.Content.ReadAsStringAsync());
        return (campaign, admin);
    }

    [Fact]
    public async Task The_project_report_pdf_and_docx_state_its_outcomes_regions_partner_sites_awards_and_funnel()
    {
        var (campaign, admin) = await ProjectAsync("project", "zh-CN", "甲");

        var pdf = await admin.GetAsync($"/api/campaigns/{campaign}/report.pdf");
        pdf.StatusCode.ShouldBe(HttpStatusCode.OK);
        var pdfText = Squeeze(await ReportPdfText.LayoutAsync(await pdf.Content.ReadAsByteArrayAsync()));
        using var docx = new ReportDocx(await admin.GetByteArrayAsync($"/api/campaigns/{campaign}/report.docx"));
        var docxText = Squeeze(docx.Text);

        foreach (var text in new[] { pdfText, docxText })
        {
            // The opening, in a project's words.
            text.ShouldContain("该项目旨在向西部地区吸烟者提供戒烟服务。");
            text.ShouldContain("项目主题为“科学戒烟”");
            text.ShouldNotContain("本届主题为");
            text.ShouldContain("该项目由中国控制吸烟协会甲、北京朝阳医院甲共同主办，北京市呼吸疾病研究所甲承办");
            text.ShouldContain("联合青海省人民医院甲等9家医院参与实施");
            text.ShouldContain("覆盖四川省、青海省等2个地区");
            text.ShouldContain("项目共服务17326人，1个月后成功戒烟率47.8%，知晓率超过70%，筛查阳性率5%，早诊率—。");

            // The results table (its narrow cells wrap in the PDF; the Word file below is read row by row).
            text.ShouldContain("成效指标");
            text.ShouldContain("样本量17326");
            text.ShouldContain("2021年8月6日");

            // The funnel: each step's total and its share of the step before.
            text.ShouldContain("筛查漏斗");
            text.ShouldContain("应邀筛查人数1000人—");
            text.ShouldContain("筛查人数800人80%");
            text.ShouldContain("筛查阳性人数40人5%");

            // Regions and partner sites, and the awards.
            text.ShouldContain("参与地区与协作单位");
            text.ShouldContain("另有8家未列名");
            text.ShouldContain("表彰情况");
            text.ShouldContain("共设立3个奖项——“控烟大使”、“控烟先锋”、“戒烟大使”，评选出7位“控烟大使”，“戒烟大使”授予王先生（北京朝阳医院戒烟门诊）。");
            text.ShouldContain("戒烟大使王先生北京朝阳医院戒烟门诊");
            text.ShouldContain("控烟大使7人（未列名）");
        }

        // Row by row: indicator, value, target, sample size or basis, method, date.
        docxText.ShouldContain("指标结果目标样本量/计算依据方法日期");
        docxText.ShouldContain("1个月后成功戒烟率47.8%40%样本量17326随访2021年8月6日");
        docxText.ShouldContain("知晓率超过70%");
        docxText.ShouldContain("筛查阳性率5%筛查阳性人数40÷筛查人数800据登记数据计算2021年4月20日–2021年8月6日");
        docxText.ShouldContain("早诊率—早期诊断人数0÷需进一步诊治人数0据登记数据计算");
        docxText.ShouldContain("地区2四川省、青海省");
        docxText.ShouldContain("协作单位9青海省人民医院甲、另有8家未列名");
        docx.Tables.Count.ShouldBeGreaterThanOrEqualTo(4);
    }

    [Fact]
    public async Task An_english_first_screening_programme_reports_in_english_unless_chinese_is_asked_for()
    {
        var (campaign, admin) = await ProjectAsync("screening_programme", "en", "乙");

        using var english = new ReportDocx(await admin.GetByteArrayAsync($"/api/campaigns/{campaign}/report.docx"));
        using var chinese = new ReportDocx(await admin.GetByteArrayAsync($"/api/campaigns/{campaign}/report.docx?lang=zh-CN"));

        english.Headings("Title").Single().ShouldContain("Summary of Western China Smoking Cessation Project");
        var text = english.Text;
        text.ShouldContain("The screening programme aims to offer smokers in western China help to quit.");
        text.ShouldContain("The programme served 17326 people.");
        text.ShouldContain("Quit rate after one month was 47.8%.");
        text.ShouldContain("Awareness was over 70%.");
        text.ShouldContain("Early diagnosis rate was —.");
        text.ShouldContain("Screening funnel");
        text.ShouldContain("with 9 partner hospitals taking part");
        text.ShouldContain("Mr Wang (Chaoyang Hospital)");
        Squeeze(chinese.Text).ShouldContain("该筛查项目旨在向西部地区吸烟者提供戒烟服务。");

        // The PDF too, by the same default.
        var pdf = await admin.GetAsync($"/api/campaigns/{campaign}/report.pdf");
        Squeeze(await ReportPdfText.LayoutAsync(await pdf.Content.ReadAsByteArrayAsync())).ShouldContain("Thescreeningprogrammeaimsto");
    }

    [Fact]
    public async Task A_computed_rate_follows_the_report_period_and_reads_a_dash_where_its_denominator_is_zero()
    {
        var (campaign, admin) = await ProjectAsync("project", "zh-CN", "丙");

        using var may = new ReportDocx(await admin.GetByteArrayAsync($"/api/campaigns/{campaign}/report.docx?from=2021-05-01&to=2021-05-31"));
        using var june = new ReportDocx(await admin.GetByteArrayAsync($"/api/campaigns/{campaign}/report.docx?from=2021-06-01&to=2021-06-30"));

        Squeeze(may.Text).ShouldContain("筛查阳性率5%");
        var juneText = Squeeze(june.Text);
        juneText.ShouldContain("筛查阳性率—");
        juneText.ShouldNotContain("筛查漏斗");
        // Measured outcomes are stated as measured, whatever the period.
        juneText.ShouldContain("1个月后成功戒烟率47.8%");
    }

    [Fact]
    public async Task A_prevention_week_keeps_its_wording_and_leaves_the_people_served_to_its_totals()
    {
        var (_, admin) = await factory.ApiUserAsync(Roles.Admin);
        var unit = await factory.AddUnitAsync("乳腺癌专委会丁");
        var created = await admin.PostAsJsonAsync("/api/campaigns", new
        {
            name = "第27届全国肿瘤防治宣传周丁", theme = "点亮癌症之路 助力健康中国", startDate = "2021-04-15", endDate = "2021-04-21", unitIds = new[] { unit },
        });
        var campaign = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        (await admin.PostAsJsonAsync($"/api/campaigns/{campaign}/figures", new
        {
            unitId = unit, date = "2021-04-16", figures = new Dictionary<string, decimal> { ["public_benefited"] = 11386 },
        })).StatusCode.ShouldBe(HttpStatusCode.Created);

        using var docx = new ReportDocx(await admin.GetByteArrayAsync($"/api/campaigns/{campaign}/report.docx"));

        var text = Squeeze(docx.Text);
        text.ShouldContain("本届主题为“点亮癌症之路助力健康中国”");
        text.ShouldNotContain("共服务");
        text.ShouldNotContain("成效指标");
        text.ShouldNotContain("筛查漏斗");
    }

    /// <summary>The text without white space: pdftotext's layout and Word's paragraphs break lines and pad cells differently.</summary>
    private static string Squeeze(string text) => WhiteSpace().Replace(text, "");

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
