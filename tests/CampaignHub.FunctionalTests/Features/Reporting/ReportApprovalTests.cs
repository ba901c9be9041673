using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CampaignHub.Testing;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Reports.Summary;

namespace CampaignHub.FunctionalTests.Features.Reporting;

/// <summary>
/// The summary report and the reporting cycle: from approved (or excused) units only, or from everything with the
/// units not yet approved named in the report; finalising refused, naming the units, until every unit of the report's
/// periods is approved or excused. Campaigns without periods are untouched (the report tests cover them).
/// </summary>
public sealed class ReportApprovalTests(ReportingFixture data) : IClassFixture<ReportingFixture>
{
    private sealed record World(int Campaign, int Week, int LungSubmission);

    /// <summary>
    /// The week: the breast committee's clinic (100 served) approved; the lung committee's talk (50) submitted only;
    /// a joint event of both (7); the pathology department has not started.
    /// </summary>
    private async Task<World> WorldAsync()
    {
        var campaign = await data.CampaignAsync();
        var week = await data.Factory.AddPeriodAsync(data.Admin, campaign, new(2021, 4, 15), new(2021, 4, 21), new(2021, 4, 30));
        await data.Factory.AddEventAsync(data.Admin, campaign, new(2021, 4, 16, 9, 0, 0), new Dictionary<string, decimal> { ["patients_benefited"] = 100 }, units: data.Breast);
        await data.Factory.AddEventAsync(data.Admin, campaign, new(2021, 4, 17, 9, 0, 0), new Dictionary<string, decimal> { ["patients_benefited"] = 50 }, units: data.Lung);
        await data.Factory.AddEventAsync(data.Admin, campaign, new(2021, 4, 18, 9, 0, 0), new Dictionary<string, decimal> { ["patients_benefited"] = 7 }, units: [data.Breast, data.Lung]);
        var breast = await data.Factory.SubmitAsync(data.BreastCoordinator, week.Id, data.Breast);
        await data.Factory.ApproveAsync(data.Admin, breast.Id!.Value);
        var lung = await data.Factory.SubmitAsync(data.LungCoordinator, week.Id, data.Lung);
        return new World(campaign, week.Id, lung.Id!.Value);
    }

    private Task<SummaryReport> ReportAsync(int campaign, bool approvedOnly, DateOnly? from = null, DateOnly? to = null) =>
        data.Factory.AsAsync<SummaryReportService, SummaryReport>(data.Admin, reports => reports.BuildAsync(data.Admin,
            new SummaryReportQuery(campaign, from ?? new(2021, 4, 15), to ?? new(2021, 4, 21), Language: "zh-CN", ApprovedOnly: approvedOnly)));

    private static string? Note(SummaryReport report) =>
        report.Blocks.OfType<ReportTextBlock>().SingleOrDefault(b => b.Kind == ReportTextKind.Note)?.Paragraphs.Single().Text;

    [Fact]
    public async Task The_report_from_approved_submissions_counts_only_approved_units_and_says_which_are_left_out()
    {
        var world = await WorldAsync();

        var report = await ReportAsync(world.Campaign, approvedOnly: true);

        // The breast committee's own event and the joint one; the lung committee's own is left out.
        report.Statistics.Totals.EventCount.ShouldBe(2);
        report.Statistics.Totals.Metrics["patients_benefited"].ShouldBe(107);
        report.Statistics.Units.Select(u => u.UnitId).ShouldBe([data.Breast]);
        var note = Note(report)!;
        note.ShouldStartWith("本报告仅统计已审核通过的数据");
        note.ShouldContain("病理科、肺癌专委会");
        note.ShouldNotContain("乳腺癌专委会");
    }

    [Fact]
    public async Task By_default_the_report_counts_everything_and_names_the_units_not_yet_approved()
    {
        var world = await WorldAsync();

        var report = await ReportAsync(world.Campaign, approvedOnly: false);

        report.Statistics.Totals.EventCount.ShouldBe(3);
        report.Statistics.Totals.Metrics["patients_benefited"].ShouldBe(157);
        Note(report)!.ShouldContain("数据尚未审核通过：病理科、肺癌专委会");
        // Outside the campaign's reporting periods there is nothing to approve and nothing to say.
        Note(await ReportAsync(world.Campaign, approvedOnly: true, new(2021, 5, 1), new(2021, 5, 31))).ShouldBeNull();
        // Once everyone is settled, the two agree and nothing is noted.
        await data.Factory.ApproveAsync(data.Admin, world.LungSubmission);
        await data.Factory.ExcuseAsync(data.Admin, world.Week, data.Pathology);
        var settled = await ReportAsync(world.Campaign, approvedOnly: true);
        (settled.Statistics.Totals.Metrics["patients_benefited"], Note(settled)).ShouldBe((157, null));
    }

    [Fact]
    public async Task The_report_api_takes_figures_all_or_approved_and_nothing_else()
    {
        var world = await WorldAsync();

        var approved = await data.AdminApi.GetAsync($"/api/campaigns/{world.Campaign}/report.docx?from=2021-04-15&to=2021-04-21&figures=approved");
        approved.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var docx = new ReportDocx(await approved.Content.ReadAsByteArrayAsync());
        docx.Text.ShouldContain("未计入：病理科、肺癌专委会");

        var bad = await data.AdminApi.GetAsync($"/api/campaigns/{world.Campaign}/report/totals.xlsx?figures=some");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("figures", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Finalising_is_refused_naming_the_units_until_every_unit_is_approved_or_excused()
    {
        var world = await WorldAsync();
        var body = new { from = "2021-04-15", to = "2021-04-21", lang = "zh-CN" };

        var refused = await data.AdminApi.PostAsJsonAsync($"/api/campaigns/{world.Campaign}/reports", body);

        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("detail").GetString()!.ShouldContain("病理科、肺癌专委会");
        problem.GetProperty("current").GetProperty("units").EnumerateArray()
            .Select(u => (u.GetProperty("unitId").GetInt32(), u.GetProperty("periods")[0].GetProperty("status").GetString()))
            .ShouldBe([(data.Pathology, "not_started"), (data.Lung, "submitted")]);

        await data.Factory.ApproveAsync(data.Admin, world.LungSubmission);
        (await data.AdminApi.PostAsJsonAsync($"/api/campaigns/{world.Campaign}/reports", body)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        await data.Factory.ExcuseAsync(data.Admin, world.Week, data.Pathology);

        var finalised = await data.AdminApi.PostAsJsonAsync($"/api/campaigns/{world.Campaign}/reports", body);
        finalised.StatusCode.ShouldBe(HttpStatusCode.Created);
    }
}
