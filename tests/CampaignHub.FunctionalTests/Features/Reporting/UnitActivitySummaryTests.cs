using System.Globalization;
using System.Net;
using CampaignHub.Testing;
using CampaignHub.Web.Features.Events;
using MiniExcelLibs;

namespace CampaignHub.FunctionalTests.Features.Reporting;

/// <summary>
/// A unit's own form (活动总结表) for a period, as XLSX and PDF through the API: activities by kind with offline
/// attendees and online viewers, materials, staff, direct and expected beneficiaries, the media; the unit's
/// coordinator and admins may download it, another unit's coordinator and staff get a 403.
/// </summary>
public sealed class UnitActivitySummaryTests(ReportingFixture data) : IClassFixture<ReportingFixture>
{
    private const string Replay = "https://mp.weixin.qq.com/s/breast-live-replay";

    [Fact]
    public async Task The_units_activity_summary_workbook_holds_its_activities_figures_and_media_as_submitted()
    {
        var (period, _) = await SubmittedAsync();

        var response = await data.BreastApi.GetAsync($"/api/reporting-periods/{period}/units/{data.Breast}/activity-summary.xlsx");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = stream.Query().Cast<IDictionary<string, object?>>().ToList();
        string? Cell(IDictionary<string, object?> row, string column) => row.TryGetValue(column, out var v) ? Convert.ToString(v, CultureInfo.InvariantCulture) : null;
        IDictionary<string, object?> Row(string label) => rows.First(r => Cell(r, "A") == label);

        Cell(rows[0], "A").ShouldBe("活动总结表");
        Cell(Row("单位"), "B").ShouldBe("乳腺癌专委会");
        // Free clinic: one offline, 150 attendees; lecture: one online, 2,000 viewers.
        var clinic = Row("义诊/咨询");
        (Cell(clinic, "B"), Cell(clinic, "C"), Cell(clinic, "D"), Cell(clinic, "E")).ShouldBe(("1", "0", "150", "0"));
        var lecture = Row("科普讲座");
        (Cell(lecture, "B"), Cell(lecture, "C"), Cell(lecture, "D"), Cell(lecture, "E")).ShouldBe(("0", "1", "0", "2000"));
        Cell(Row("宣传资料"), "B").ShouldBe("500");
        Cell(Row("医护人员"), "B").ShouldBe("12");
        Cell(Row("直接受益人数"), "B").ShouldBe("2150");
        Cell(Row("预计受益人数（媒体传播）"), "B").ShouldBe("38171");
        var media = rows.First(r => Cell(r, "C") == "乳腺健康直播课");
        (Cell(media, "A"), Cell(media, "B"), Cell(media, "D"), Cell(media, "E")).ShouldBe(("2021-04-17", "医典通", "38171", Replay));
    }

    [Fact]
    public async Task The_units_activity_summary_pdf_reads_as_the_form()
    {
        var (period, _) = await SubmittedAsync();

        var response = await data.AdminApi.GetAsync($"/api/reporting-periods/{period}/units/{data.Breast}/activity-summary.pdf");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var text = await PdfTools.CompactTextAsync(await response.Content.ReadAsByteArrayAsync());
        text.ShouldContain("活动总结表");
        text.ShouldContain("乳腺癌专委会");
        text.ShouldContain("义诊/咨询101500");
        text.ShouldContain("科普讲座0102,000");
        text.ShouldContain("直接受益人数2,150");
        text.ShouldContain("2021-04-17医典通乳腺健康直播课38,171" + Replay);
    }

    [Fact]
    public async Task Only_the_units_coordinators_and_admins_may_download_its_summary()
    {
        var (period, _) = await SubmittedAsync();
        var path = $"/api/reporting-periods/{period}/units/{data.Breast}/activity-summary";

        (await data.LungApi.GetAsync(path + ".xlsx")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await data.StaffApi.GetAsync(path + ".pdf")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await data.AdminApi.GetAsync(path + ".xlsx")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await data.AdminApi.GetAsync($"/api/reporting-periods/999999/units/{data.Breast}/activity-summary.xlsx")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private async Task<(int Period, int Campaign)> SubmittedAsync()
    {
        var campaign = await data.CampaignAsync();
        var period = await data.Factory.AddPeriodAsync(data.Admin, campaign, new(2021, 4, 15), new(2021, 4, 21), new(2021, 4, 30));
        await data.Factory.AddEventAsync(data.BreastCoordinator, campaign, new DateTime(2021, 4, 16, 9, 0, 0), new Dictionary<string, decimal>
        {
            ["patients_benefited"] = 120, ["public_benefited"] = 30, ["brochures"] = 500, ["staff_medical"] = 12,
        }, units: data.Breast);
        await data.Factory.AsAsync<EventService, EventDetails>(data.BreastCoordinator, s => s.CreateAsync(data.BreastCoordinator, new EventInput
        {
            CampaignId = campaign, UnitIds = [data.Breast], Title = "乳腺健康直播课", Kind = "lecture", Channel = "online", Platform = "live_stream",
            PlatformDetail = "医典通", Link = Replay, Start = new DateTime(2021, 4, 17, 19, 0, 0), End = new DateTime(2021, 4, 17, 20, 0, 0), Status = "held",
            Figures = new Dictionary<string, decimal> { ["public_benefited"] = 2000, ["reach_wechat"] = 38171 },
        }));
        await data.Factory.SubmitAsync(data.BreastCoordinator, period.Id, data.Breast);
        return (period.Id, campaign);
    }
}
