using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CampaignHub.Testing;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Events;
using CampaignHub.Web.Features.Reports.Summary;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignHub.FunctionalTests.Features.Reports.Summary;

/// <summary>
/// The report's API: who may get it, bad input, user text that stays text, broken photos, and finalising: the
/// stored PDF served byte for byte, listed, and unlocked with an audited reason.
/// </summary>
public sealed class SummaryReportApiTests(CampaignHubAppFactory factory) : IClassFixture<CampaignHubAppFactory>
{
    /// <summary>A 1×1 PNG.</summary>
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private async Task<(int Campaign, int Unit)> CampaignAsync()
    {
        var unit = await factory.AddUnitAsync($"乳腺癌专委会 {Guid.NewGuid():N}");
        var campaign = await factory.AddCampaignAsync("宣传周", new(2021, 4, 15), new(2021, 4, 21), unit);
        return (campaign, unit);
    }

    private async Task<EventDetails> LogAsync(int campaign, int unit, string narrative, bool highlight = true, string start = "2021-04-16T09:00:00", Dictionary<string, decimal>? figures = null)
    {
        var admin = await factory.ActorAsync(await factory.CreateUserAsync($"admin-{Guid.NewGuid():N}@test.campaignhub.local", Roles.Admin));
        await using var scope = factory.Services.CreateAsyncScope();
        var at = DateTime.Parse(start, System.Globalization.CultureInfo.InvariantCulture);
        return await scope.ServiceProvider.GetRequiredService<EventService>().CreateAsync(admin, new EventInput
        {
            CampaignId = campaign,
            UnitIds = [unit],
            Title = "乳腺癌义诊 <b>周末</b>",
            Kind = "free_clinic",
            Channel = "offline",
            Status = "held",
            Start = at,
            End = at.AddHours(2),
            Narrative = narrative,
            Highlight = highlight,
            Figures = figures ?? new() { ["patients_benefited"] = 120 },
        });
    }

    [Fact]
    public async Task Bad_periods_an_unknown_language_or_campaign_are_400_or_404_naming_the_field()
    {
        var (campaign, _) = await CampaignAsync();
        var (_, client) = await factory.ApiUserAsync(Roles.Admin);

        async Task<JsonElement> ErrorsAsync(string query)
        {
            var response = await client.GetAsync($"/api/campaigns/{campaign}/report.pdf?{query}");
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, query);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        }

        (await ErrorsAsync("from=2021-04-14")).TryGetProperty("from", out _).ShouldBeTrue();
        (await ErrorsAsync("to=2021-04-22")).TryGetProperty("to", out _).ShouldBeTrue();
        (await ErrorsAsync("from=2021-04-18&to=2021-04-16")).GetProperty("to")[0].GetString()!.ShouldNotBeNullOrWhiteSpace();
        (await ErrorsAsync("lang=fr")).TryGetProperty("lang", out _).ShouldBeTrue();
        (await ErrorsAsync("from=2021-4-x")).TryGetProperty("from", out _).ShouldBeTrue();
        // Every problem at once.
        var all = await ErrorsAsync("from=2021-04-01&to=2021-05-01&lang=de&unitId=999999");
        all.EnumerateObject().Select(p => p.Name).Order().ShouldBe(["from", "lang", "to", "unitId"]);
        (await client.GetAsync($"/api/campaigns/{campaign}/report/totals.xlsx?to=2021-04-22")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        (await client.GetAsync("/api/campaigns/999999/report.pdf")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/api/campaigns/999999/report/totals.xlsx")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/api/campaigns/999999/reports")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/api/reports/999999.pdf")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Hospital_staff_get_403_and_coordinators_get_the_report()
    {
        var (campaign, unit) = await CampaignAsync();
        var (_, staff) = await factory.ApiUserAsync(Roles.Staff);
        var (_, coordinator) = await factory.ApiUserAsync(Roles.Coordinator, unit);

        (await staff.GetAsync($"/api/campaigns/{campaign}/report.pdf")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await staff.GetAsync($"/api/campaigns/{campaign}/report/totals.xlsx")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await staff.GetAsync($"/api/campaigns/{campaign}/reports")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await staff.PostAsJsonAsync($"/api/campaigns/{campaign}/reports", new { lang = "zh-CN" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // Even for a campaign that does not exist, staff learn nothing beyond "not allowed".
        (await staff.GetAsync("/api/campaigns/999999/report.pdf")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var pdf = await coordinator.GetAsync($"/api/campaigns/{campaign}/report.pdf?lang=en");
        pdf.StatusCode.ShouldBe(HttpStatusCode.OK);
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var xlsx = await coordinator.GetAsync($"/api/campaigns/{campaign}/report/totals.xlsx");
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        xlsx.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        // Only admins finalise.
        (await coordinator.PostAsJsonAsync($"/api/campaigns/{campaign}/reports", new { lang = "zh-CN" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_narrative_with_html_and_script_is_printed_as_text()
    {
        var (campaign, unit) = await CampaignAsync();
        const string narrative = "<script>alert('x')</script><img src=\"http://127.0.0.1:9/x.png\" onerror=\"alert(2)\">义诊<b>现场</b>";
        await LogAsync(campaign, unit, narrative);
        var admin = await factory.ActorAsync(await factory.CreateUserAsync($"admin-{Guid.NewGuid():N}@test.campaignhub.local", Roles.Admin));
        await using var scope = factory.Services.CreateAsyncScope();
        var reports = scope.ServiceProvider.GetRequiredService<SummaryReportService>();
        var report = await reports.BuildAsync(admin, new SummaryReportQuery(campaign, Language: "zh-CN"));

        var html = await reports.RenderHtmlAsync(report);
        html.ShouldNotContain("<script");
        html.ShouldNotContain("<img src=\"http");
        html.ShouldNotContain("<b>");
        html.ShouldContain("&lt;script&gt;");
        var pdf = (await reports.RenderPdfAsync(report)).Content;
        var text = PdfTools.Compact(await ReportPdfText.LayoutAsync(pdf));
        text.ShouldContain(PdfTools.Compact("<script>alert('x')</script>"));
        text.ShouldContain(PdfTools.Compact("义诊<b>现场</b>"));
        text.ShouldContain(PdfTools.Compact("乳腺癌义诊 <b>周末</b>"));
    }

    [Fact]
    public async Task A_broken_photo_is_left_out_with_a_note_and_the_good_one_is_printed()
    {
        var (campaign, unit) = await CampaignAsync();
        var logged = await LogAsync(campaign, unit, "义诊现场照片如下。");
        var admin = await factory.ActorAsync(await factory.CreateUserAsync($"admin-{Guid.NewGuid():N}@test.campaignhub.local", Roles.Admin));
        await using (var db = await factory.DbAsync())
        {
            // As a damaged file would be stored: claimed a JPEG, bytes that are no image.
            db.EventPhotos.Add(new EventPhoto
            {
                EventId = logged.Id, FileName = "broken.jpg", ContentType = "image/jpeg", Length = 12,
                Content = "not an image"u8.ToArray(), UploadedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<EventService>().AddPhotoAsync(admin, logged.Id, "clinic.png", new MemoryStream(Png), "义诊现场");
        var reports = scope.ServiceProvider.GetRequiredService<SummaryReportService>();
        var report = await reports.BuildAsync(admin, new SummaryReportQuery(campaign, Language: "zh-CN"));

        var section = report.Sections.ShouldHaveSingleItem();
        section.PhotoNotes.ShouldBe(["照片“broken.jpg”无法收录。"]);
        // The report embeds the JPEG copy made at upload (issue 13), never the uploaded file itself.
        section.Photos.ShouldHaveSingleItem().DataUrl.ShouldStartWith("data:image/jpeg;base64,");
        var pdf = (await reports.RenderPdfAsync(report)).Content;
        PdfTools.Compact(await ReportPdfText.LayoutAsync(pdf)).ShouldContain("照片“broken.jpg”无法收录");
        (await PdfTools.ImagesAsync(pdf)).ShouldContain(i => i.Type == "image" && i.Width == 1 && i.Height == 1);
    }

    [Fact]
    public async Task A_finalised_report_is_stored_listed_served_byte_for_byte_and_unlocked_with_an_audited_reason()
    {
        var (campaign, unit) = await CampaignAsync();
        await LogAsync(campaign, unit, "义诊。", figures: new() { ["patients_benefited"] = 120 });
        var (adminId, admin) = await factory.ApiUserAsync(Roles.Admin);
        var (_, coordinator) = await factory.ApiUserAsync(Roles.Coordinator, unit);

        var created = await admin.PostAsJsonAsync($"/api/campaigns/{campaign}/reports", new { from = "2021-04-15", to = "2021-04-21", lang = "zh-CN" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var item = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = item.GetProperty("id").GetInt32();
        item.GetProperty("locked").GetBoolean().ShouldBeTrue();
        item.GetProperty("title").GetString().ShouldBe("宣传周活动总结");

        byte[] stored;
        await using (var db = await factory.DbAsync())
        {
            var entity = await db.FinalisedReports.AsNoTracking().SingleAsync(r => r.Id == id);
            stored = entity.Pdf;
            entity.FinalisedById.ShouldBe(adminId);
            using var snapshot = JsonDocument.Parse(entity.Snapshot);
            snapshot.RootElement.GetProperty("totals").GetProperty("metrics").GetProperty("patients_benefited").GetDecimal().ShouldBe(120);
        }

        // While it is locked, its period takes no new events.
        await Should.ThrowAsync<CampaignHub.Web.Features.Common.DomainValidationException>(() =>
            LogAsync(campaign, unit, "之后补录的义诊。", start: "2021-04-17T09:00:00", figures: new() { ["patients_benefited"] = 5 }));
        var download = await coordinator.GetAsync($"/api/reports/{id}.pdf");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(stored);
        PdfTools.Compact(await ReportPdfText.LayoutAsync(stored)).ShouldContain("患者120人受益");

        var listed = await coordinator.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}/reports");
        var row = listed.EnumerateArray().ShouldHaveSingleItem();
        row.GetProperty("id").GetInt32().ShouldBe(id);
        row.GetProperty("from").GetString().ShouldBe("2021-04-15");
        row.GetProperty("language").GetString().ShouldBe("zh-CN");
        row.GetProperty("locked").GetBoolean().ShouldBeTrue();

        // The same report again while it is locked: a conflict, not a second copy.
        (await admin.PostAsJsonAsync($"/api/campaigns/{campaign}/reports", new { lang = "zh-CN" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        (await coordinator.PostAsJsonAsync($"/api/reports/{id}/unlock", new { reason = "补录" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var noReason = await admin.PostAsJsonAsync($"/api/reports/{id}/unlock", new { reason = " " });
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("reason", out _).ShouldBeTrue();

        var unlocked = await admin.PostAsJsonAsync($"/api/reports/{id}/unlock", new { reason = "补录4月17日义诊", version = row.GetProperty("version").GetInt64() });
        unlocked.StatusCode.ShouldBe(HttpStatusCode.OK);
        var after = await unlocked.Content.ReadFromJsonAsync<JsonElement>();
        after.GetProperty("locked").GetBoolean().ShouldBeFalse();
        after.GetProperty("unlockReason").GetString().ShouldBe("补录4月17日义诊");
        (await admin.PostAsJsonAsync($"/api/reports/{id}/unlock", new { reason = "再次" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // Corrections after unlocking do not touch the stored report: it is served exactly as it was.
        await LogAsync(campaign, unit, "之后补录的义诊。", start: "2021-04-17T09:00:00", figures: new() { ["patients_benefited"] = 5 });
        (await (await coordinator.GetAsync($"/api/reports/{id}.pdf")).Content.ReadAsByteArrayAsync()).ShouldBe(stored);

        await using (var db = await factory.DbAsync())
        {
            var audit = await db.AuditEntries.Where(a => a.EntityType == nameof(FinalisedReport) && a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .OrderBy(a => a.Id).ToListAsync();
            audit.Select(a => a.Action).ShouldBe(["create", "update"]);
            audit[1].UserId.ShouldBe(adminId);
            audit[1].CampaignId.ShouldBe(campaign);
            using var changes = JsonDocument.Parse(audit[1].Changes);
            changes.RootElement.GetProperty("UnlockReason").GetProperty("new").GetString().ShouldBe("补录4月17日义诊");
            changes.RootElement.GetProperty("UnlockedById").GetProperty("new").GetString().ShouldBe(adminId);
            changes.RootElement.TryGetProperty("Pdf", out _).ShouldBeFalse();
        }

        // Unlocked, the corrected report can be finalised again.
        (await admin.PostAsJsonAsync($"/api/campaigns/{campaign}/reports", new { lang = "zh-CN" })).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Without_chromium_the_pdf_is_a_503_naming_the_install_command_and_the_workbook_still_works()
    {
        using var app = new CampaignHubAppFactory();
        app.Settings["Reports:ChromiumPath"] = "/nonexistent/chromium";
        var unit = await app.AddUnitAsync("肺癌专委会");
        var campaign = await app.AddCampaignAsync("宣传周", new(2021, 4, 15), new(2021, 4, 21), unit);
        var (_, client) = await app.ApiUserAsync(Roles.Admin);

        var response = await client.GetAsync($"/api/campaigns/{campaign}/report.pdf");

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await response.Content.ReadAsStringAsync()).ShouldContain("apt-get install -y chromium fonts-noto-cjk");
        (await client.PostAsJsonAsync($"/api/campaigns/{campaign}/reports", new { lang = "en" })).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await client.GetAsync($"/api/campaigns/{campaign}/report/totals.xlsx")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
