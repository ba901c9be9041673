using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CampaignHub.Testing;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Events;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignHub.FunctionalTests.Features.Reports.Summary;

/// <summary>
/// Reports over time (issue 11, point 5): a programme's report rolls up its yearly editions and sub-projects as PDF and
/// Word (opening naming them, a table of campaigns, year by year with running totals, charts by month); a campaign's
/// report puts the previous period and the same period a year earlier beside its figures when they have any, and
/// draws a bar per day up to a month, per week up to half a year.
/// </summary>
public sealed class ProgrammeReportTests(CampaignHubAppFactory factory) : IClassFixture<CampaignHubAppFactory>
{
    private static async Task<int> CreatedIdAsync(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    private async Task LogAsync(string adminId, int campaign, int unit, string kind, DateTime start, decimal patients, string status = "held")
    {
        var actor = await factory.ActorAsync(adminId);
        await factory.AsAsync<EventService>(actor, events => events.CreateAsync(actor, new EventInput
        {
            CampaignId = campaign, UnitIds = [unit], Title = $"{kind} {start:yyyy-MM-dd}", Kind = kind, Channel = "offline", Status = status,
            Start = start, End = start.AddHours(3), Figures = new() { ["patients_benefited"] = patients },
        }));
    }

    private async Task<(int Programme, HttpClient Admin)> ProgrammeAsync()
    {
        var (adminId, admin) = await factory.ApiUserAsync(Roles.Admin);
        var unit = await factory.AddUnitAsync($"乳房再造科-{Guid.NewGuid():N}", UnitKind.Department);
        var programme = await CreatedIdAsync(admin, "/api/programmes", new
        {
            name = "乳房再造公益行", nameEn = "Breast Reconstruction Outreach", description = "乳房再造公益行走进各地协作医院，帮助乳腺癌患者重塑自信。",
        });
        var first = await CreatedIdAsync(admin, "/api/campaigns", new { name = "乳房再造公益行 2019", edition = "第一届", startDate = "2019-03-01", endDate = "2019-12-31", programmeId = programme, unitIds = new[] { unit } });
        var second = await CreatedIdAsync(admin, "/api/campaigns", new { name = "乳房再造公益行 2020", edition = "第二届", startDate = "2020-03-01", endDate = "2020-12-31", programmeId = programme, unitIds = new[] { unit } });
        await LogAsync(adminId, first, unit, "training", new(2019, 5, 10, 9, 0, 0), 20);
        await LogAsync(adminId, first, unit, "free_clinic", new(2019, 9, 10, 9, 0, 0), 160);
        await LogAsync(adminId, second, unit, "free_clinic", new(2020, 5, 10, 9, 0, 0), 300);
        return (programme, admin);
    }

    private static List<List<string>> Rows(Table table) =>
        table.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();

    [Fact]
    public async Task A_programmes_word_report_names_its_campaigns_and_rolls_them_up_by_campaign_and_year()
    {
        var (programme, admin) = await ProgrammeAsync();

        var response = await admin.GetAsync($"/api/programmes/{programme}/report.docx?lang=zh-CN");

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        using var docx = new ReportDocx(await response.Content.ReadAsByteArrayAsync());
        var text = docx.Text;
        text.ShouldContain("乳房再造公益行走进各地协作医院，帮助乳腺癌患者重塑自信。");
        text.ShouldContain("项目共包括2期活动项目：乳房再造公益行 2019（第一届）、乳房再造公益行 2020（第二届）");
        var totals = docx.Paragraphs[docx.Paragraphs.FindIndex(p => p.Text == "总体数据") + 1].Text;
        totals.ShouldContain("患者480人受益");

        var campaigns = Rows(docx.Tables.Single(t => t.InnerText.StartsWith("活动项目届次", StringComparison.Ordinal)));
        campaigns[1].ShouldBe(["乳房再造公益行 2019", "第一届", "2", "0", "180"]);
        campaigns[2].ShouldBe(["乳房再造公益行 2020", "第二届", "1", "0", "300"]);
        campaigns[3].ShouldBe(["合计", "", "3", "0", "480"]);
        var years = Rows(docx.Tables.Single(t => t.InnerText.StartsWith("年份", StringComparison.Ordinal)));
        years.Skip(1).ShouldBe([["2019", "2", "180", "2", "180"], ["2020", "1", "300", "3", "480"]]);
        // Twenty-two months: a bar per month.
        docx.Headings("Heading2").ShouldContain("每月活动场次");

        // English, and a period of its own: only 2020, with 2019 beside it as the year before.
        var english = await admin.GetAsync($"/api/programmes/{programme}/report.docx?lang=en&from=2020-01-01&to=2020-12-31");
        using var en = new ReportDocx(await english.Content.ReadAsByteArrayAsync());
        en.Text.ShouldContain("Breast Reconstruction Outreach");
        var metrics = Rows(en.Tables.Single(t => t.InnerText.StartsWith("GroupIndicator", StringComparison.Ordinal)));
        metrics[0].ShouldBe(["Group", "Indicator", "Total", "Previous period 2019/1/1–12/31", "A year earlier 2019/1/1–12/31", "Unit"]);
        metrics.Single(r => r[1] == "Patients who benefited").Skip(2).Take(3).ShouldBe(["300", "180", "180"]);
    }

    [Fact]
    public async Task A_programmes_pdf_report_is_printed_for_admins_and_coordinators_and_refused_to_staff()
    {
        var (programme, admin) = await ProgrammeAsync();
        var (_, staff) = await factory.ApiUserAsync(Roles.Staff);

        var response = await admin.GetAsync($"/api/programmes/{programme}/report.pdf?lang=zh-CN");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var text = PdfTools.Compact(await ReportPdfText.LayoutAsync(await response.Content.ReadAsByteArrayAsync()));
        text.ShouldContain(PdfTools.Compact("乳房再造公益行活动总结"));
        text.ShouldContain(PdfTools.Compact("逐年情况"));
        text.ShouldContain(PdfTools.Compact("累计服务人数"));

        (await staff.GetAsync($"/api/programmes/{programme}/report.pdf")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.GetAsync("/api/programmes/999999/report.docx")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var bad = await admin.GetAsync($"/api/programmes/{programme}/report.docx?lang=fr&from=2020-05-01&to=2020-04-01");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name).Order().ShouldBe(["lang", "to"]);
    }

    [Fact]
    public async Task A_campaign_report_puts_the_previous_period_and_a_year_earlier_beside_its_figures_only_when_they_have_any()
    {
        var (adminId, admin) = await factory.ApiUserAsync(Roles.Admin);
        var unit = await factory.AddUnitAsync($"控烟团队-{Guid.NewGuid():N}", UnitKind.ExpertTeam);
        var campaign = await factory.AddCampaignAsync("两年的控烟项目", new(2020, 1, 1), new(2021, 12, 31), unit);
        await LogAsync(adminId, campaign, unit, "free_clinic", new(2021, 4, 16, 9, 0, 0), 10);
        await LogAsync(adminId, campaign, unit, "free_clinic", new(2020, 4, 17, 9, 0, 0), 40);
        await LogAsync(adminId, campaign, unit, "lecture", new(2020, 4, 18, 9, 0, 0), 5);

        var response = await admin.GetAsync($"/api/campaigns/{campaign}/report.docx?lang=zh-CN&from=2021-04-15&to=2021-04-21");
        using var docx = new ReportDocx(await response.Content.ReadAsByteArrayAsync());
        var metrics = Rows(docx.Tables[0]);
        metrics[0].ShouldBe(["类别", "指标", "合计", "去年同期 2020/4/15–4/21", "单位"]);
        metrics.Single(r => r[1] == "患者受益人数").Skip(2).Take(2).ShouldBe(["10", "45"]);
        var events = Rows(docx.Tables[1]);
        events[0].ShouldBe(["活动类型", "线上", "线下", "合计", "去年同期 2020/4/15–4/21"]);
        events.Single(r => r[0] == "科普讲座").ShouldBe(["科普讲座", "0", "0", "0", "1"]);
        events[^1].ShouldBe(["合计", "0", "1", "1", "2"]);
        docx.Headings("Heading2").ShouldContain("每日活动场次");

        // Nothing to compare with: the tables as they always were.
        var earlier = await admin.GetAsync($"/api/campaigns/{campaign}/report.docx?lang=zh-CN&from=2020-04-15&to=2020-04-21");
        using var plain = new ReportDocx(await earlier.Content.ReadAsByteArrayAsync());
        Rows(plain.Tables[0])[0].ShouldBe(["类别", "指标", "合计", "单位"]);

        // Two months: a bar per week.
        var weeks = await admin.GetAsync($"/api/campaigns/{campaign}/report.docx?lang=zh-CN&from=2021-03-01&to=2021-04-30");
        using var weekly = new ReportDocx(await weeks.Content.ReadAsByteArrayAsync());
        weekly.Headings("Heading2").ShouldContain("每周活动场次");
    }
}
