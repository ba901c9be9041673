using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CampaignHub.Testing;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Events;
using CampaignHub.Web.Features.Reports.Drafts;
using CampaignHub.Web.Features.Reports.Summary;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignHub.FunctionalTests.Features.Reports.Drafts;

/// <summary>
/// Report drafts through the API: created from the data, saved with their version (a stale save gets 409 and
/// overwrites nothing), deleted, audited; who may touch which draft; numbers that stay live; hostile text that
/// stays text in the preview's HTML, the PDF and the Word file; caps with messages.
/// </summary>
public sealed class ReportDraftApiTests(CampaignHubAppFactory factory) : IClassFixture<CampaignHubAppFactory>
{
    private async Task<(int Campaign, int Unit)> CampaignAsync()
    {
        var unit = await factory.AddUnitAsync($"乳腺癌专委会 {Guid.NewGuid():N}");
        var campaign = await factory.AddCampaignAsync("宣传周", new(2021, 4, 15), new(2021, 4, 21), unit);
        return (campaign, unit);
    }

    private async Task<EventDetails> LogAsync(int campaign, int unit, decimal patients, string start = "2021-04-16T09:00:00",
        string title = "乳腺癌义诊", string narrative = "专家现场义诊。")
    {
        var admin = await factory.ActorAsync(await factory.CreateUserAsync($"admin-{Guid.NewGuid():N}@test.campaignhub.local", Roles.Admin));
        await using var scope = factory.Services.CreateAsyncScope();
        var at = DateTime.Parse(start, System.Globalization.CultureInfo.InvariantCulture);
        return await scope.ServiceProvider.GetRequiredService<EventService>().CreateAsync(admin, new EventInput
        {
            CampaignId = campaign, UnitIds = [unit], Title = title, Kind = "free_clinic", Channel = "offline", Status = "held",
            Start = at, End = at.AddHours(2), Narrative = narrative, Highlight = true,
            Figures = new() { ["patients_benefited"] = patients },
        });
    }

    private static async Task<JsonObject> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, body);
        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>The draft as the API gave it, made a save body: its title, its blocks, its version.</summary>
    private static JsonObject SaveBody(JsonObject draft, string? title = null) => new()
    {
        ["title"] = title ?? draft["title"]!.GetValue<string>(),
        ["blocks"] = draft["blocks"]!.DeepClone(),
        ["version"] = draft["version"]!.GetValue<long>(),
    };

    [Fact]
    public async Task A_draft_is_created_saved_with_its_version_refused_when_stale_deleted_and_audited()
    {
        var (campaign, unit) = await CampaignAsync();
        await LogAsync(campaign, unit, 120);
        var (_, first) = await factory.ApiUserAsync(Roles.Admin);
        var (_, second) = await factory.ApiUserAsync(Roles.Admin);

        var draft = await JsonAsync(await first.PostAsJsonAsync($"/api/campaigns/{campaign}/report-drafts", new { lang = "zh-CN" }), HttpStatusCode.Created);
        var id = draft["id"]!.GetValue<int>();
        draft["title"]!.GetValue<string>().ShouldBe("宣传周活动总结");
        draft["dataChanged"]!.GetValue<bool>().ShouldBeFalse();
        // Several drafts of one campaign and period.
        await JsonAsync(await second.PostAsJsonAsync($"/api/campaigns/{campaign}/report-drafts", new { lang = "en" }), HttpStatusCode.Created);
        (await first.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}/report-drafts")).GetArrayLength().ShouldBe(2);

        // Two admins edit the same version: the first save wins, the second gets 409 with the first's draft.
        var saved = await JsonAsync(await first.PutAsJsonAsync($"/api/report-drafts/{id}", SaveBody(draft, "第一位的标题")), HttpStatusCode.OK);
        saved["version"]!.GetValue<long>().ShouldBe(draft["version"]!.GetValue<long>() + 1);
        var conflict = await JsonAsync(await second.PutAsJsonAsync($"/api/report-drafts/{id}", SaveBody(draft, "第二位的标题")), HttpStatusCode.Conflict);
        conflict["current"]!["title"]!.GetValue<string>().ShouldBe("第一位的标题");
        conflict["current"]!["version"]!.GetValue<long>().ShouldBe(saved["version"]!.GetValue<long>());
        (await first.GetFromJsonAsync<JsonElement>($"/api/report-drafts/{id}")).GetProperty("title").GetString().ShouldBe("第一位的标题");
        // A save without a version is refused rather than overwriting blindly.
        var unversioned = SaveBody(saved);
        unversioned.Remove("version");
        (await second.PutAsJsonAsync($"/api/report-drafts/{id}", unversioned)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        (await second.DeleteAsync($"/api/report-drafts/{id}?version={draft["version"]}")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await second.DeleteAsync($"/api/report-drafts/{id}?version={saved["version"]}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await first.GetAsync($"/api/report-drafts/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        await using var db = await factory.DbAsync();
        var trail = await db.AuditEntries.Where(a => a.EntityType == nameof(ReportDraft) && a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .OrderBy(a => a.Id).Select(a => new { a.Action, a.Changes, a.CampaignId }).ToListAsync();
        trail.Select(a => a.Action).ShouldBe(["create", "update", "delete"], $"audit rows: {string.Join(", ", trail.Select(a => a.Action))}");
        JsonDocument.Parse(trail[1].Changes).RootElement.GetProperty("Title").GetProperty("new").GetString().ShouldBe("第一位的标题");
        trail.ShouldAllBe(a => a.CampaignId == campaign);
    }

    [Fact]
    public async Task An_admin_merges_two_events_into_one_retitled_section_puts_it_first_and_shows_or_hides_its_lines()
    {
        var (campaign, unit) = await CampaignAsync();
        var clinic = await LogAsync(campaign, unit, 120, "2021-04-16T09:00:00", "乳腺癌义诊", "专家现场义诊，免费咨询。");
        var lecture = await LogAsync(campaign, unit, 35, "2021-04-17T09:00:00", "乳腺癌科普讲座", "讲座座无虚席。");
        var other = await LogAsync(campaign, unit, 8, "2021-04-18T09:00:00", "病友交流会", "病友分享康复经验。");
        var (_, admin) = await factory.ApiUserAsync(Roles.Admin);
        var draft = await JsonAsync(await admin.PostAsJsonAsync($"/api/campaigns/{campaign}/report-drafts", new { lang = "zh-CN" }), HttpStatusCode.Created);
        var blocks = draft["blocks"]!.AsArray();
        JsonNode Section(int eventId) => blocks.Single(b => b!["kind"]!.GetValue<string>() == "section"
                                                            && b["eventIds"]!.AsArray().Select(e => e!.GetValue<int>()).Contains(eventId))!;
        var first = blocks.IndexOf(blocks.First(b => b!["kind"]!.GetValue<string>() == "section"));
        blocks.Remove(Section(clinic.Id));
        blocks.Remove(Section(lecture.Id));
        // The lecture told before the clinic, under the secretary's own heading, without the when/where line.
        blocks.Insert(first, new JsonObject
        {
            ["kind"] = "section", ["heading"] = "义诊与科普系列", ["eventIds"] = new JsonArray(lecture.Id, clinic.Id),
            ["showFacts"] = false, ["showFigures"] = true,
        });
        blocks.Add(new JsonObject { ["kind"] = "paragraph", ["heading"] = "附记", ["text"] = "感谢各单位的支持。" });
        var saved = await JsonAsync(await admin.PutAsJsonAsync($"/api/report-drafts/{draft["id"]}", SaveBody(draft)), HttpStatusCode.OK);

        using (var word = new ReportDocx(await admin.GetByteArrayAsync($"/api/report-drafts/{draft["id"]}.docx")))
        {
            var text = word.Text;
            var headings = word.Paragraphs.Where(p => p.Style.StartsWith("Heading", StringComparison.Ordinal)).Select(p => p.Text).ToList();
            headings.ShouldContain(h => h.EndsWith("义诊与科普系列", StringComparison.Ordinal));
            headings.ShouldNotContain(h => h.Contains("乳腺癌义诊") || h.Contains("乳腺癌科普讲座"));
            headings.IndexOf(headings.First(h => h.EndsWith("义诊与科普系列", StringComparison.Ordinal)))
                .ShouldBeLessThan(headings.IndexOf(headings.First(h => h.Contains("病友交流会"))));
            text.IndexOf("讲座座无虚席。", StringComparison.Ordinal).ShouldBeLessThan(text.IndexOf("专家现场义诊，免费咨询。", StringComparison.Ordinal));
            text.ShouldContain("活动数据：");
            text.ShouldContain("附记");
            text.ShouldContain("感谢各单位的支持。");
            text.ShouldNotContain("2021年4月17日 09:00");
        }

        // The same section with its when/where line shown and its figures line hidden.
        var merged = saved["blocks"]!.AsArray().Single(b => b!["heading"]?.GetValue<string>() == "义诊与科普系列")!;
        merged["showFacts"] = true;
        merged["showFigures"] = false;
        await JsonAsync(await admin.PutAsJsonAsync($"/api/report-drafts/{draft["id"]}", SaveBody(saved)), HttpStatusCode.OK);
        using (var word = new ReportDocx(await admin.GetByteArrayAsync($"/api/report-drafts/{draft["id"]}.docx")))
        {
            var section = word.Text[word.Text.IndexOf("义诊与科普系列", StringComparison.Ordinal)..word.Text.IndexOf("病友交流会", StringComparison.Ordinal)];
            section.ShouldContain("2021年4月17日 09:00");
            section.ShouldNotContain("活动数据：");
        }
    }

    [Fact]
    public async Task A_coordinator_works_on_their_own_units_drafts_only_and_staff_on_none()
    {
        var (campaign, unit) = await CampaignAsync();
        var other = await factory.AddUnitAsync($"肺癌专委会 {Guid.NewGuid():N}");
        var (_, admin) = await factory.ApiUserAsync(Roles.Admin);
        var (_, coordinator) = await factory.ApiUserAsync(Roles.Coordinator, unit);
        var (_, staff) = await factory.ApiUserAsync(Roles.Staff);

        var own = await JsonAsync(await coordinator.PostAsJsonAsync($"/api/campaigns/{campaign}/report-drafts", new { unitId = unit }), HttpStatusCode.Created);
        var association = await JsonAsync(await admin.PostAsJsonAsync($"/api/campaigns/{campaign}/report-drafts", new { }), HttpStatusCode.Created);

        (await coordinator.PostAsJsonAsync($"/api/campaigns/{campaign}/report-drafts", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await coordinator.PostAsJsonAsync($"/api/campaigns/{campaign}/report-drafts", new { unitId = other })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await coordinator.GetAsync($"/api/report-drafts/{association["id"]}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await coordinator.PutAsJsonAsync($"/api/report-drafts/{association["id"]}", SaveBody(association, "x"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // Who may is asked before what was sent: no version, still 403, not a 400 naming the version.
        (await coordinator.PutAsJsonAsync($"/api/report-drafts/{association["id"]}", new { title = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await coordinator.GetAsync($"/api/report-drafts/{association["id"]}.docx")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await coordinator.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}/report-drafts")).EnumerateArray()
            .Select(d => d.GetProperty("id").GetInt32()).ShouldBe([own["id"]!.GetValue<int>()]);
        (await JsonAsync(await coordinator.PutAsJsonAsync($"/api/report-drafts/{own["id"]}", SaveBody(own, "本专委会总结")), HttpStatusCode.OK))["title"]!
            .GetValue<string>().ShouldBe("本专委会总结");

        (await staff.GetAsync($"/api/campaigns/{campaign}/report-drafts")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await staff.PostAsJsonAsync($"/api/campaigns/{campaign}/report-drafts", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await staff.GetAsync($"/api/report-drafts/{own["id"]}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // Permission first: an unknown draft is 403 to staff, 404 to an admin.
        (await staff.GetAsync("/api/report-drafts/999999")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.GetAsync("/api/report-drafts/999999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_figure_changed_after_a_paragraph_was_edited_shows_in_that_paragraph_and_the_draft_says_the_data_changed()
    {
        var (campaign, unit) = await CampaignAsync();
        await LogAsync(campaign, unit, 120);
        var (_, client) = await factory.ApiUserAsync(Roles.Admin);
        var draft = await JsonAsync(await client.PostAsJsonAsync($"/api/campaigns/{campaign}/report-drafts", new { lang = "zh-CN" }), HttpStatusCode.Created);
        var body = SaveBody(draft);
        var opening = body["blocks"]!.AsArray().First(b => b!["kind"]!.GetValue<string>() == "opening")!;
        opening["text"] = "本周我们亲手写的开篇：受益患者{metric:patients_benefited}人，开展活动{events}场。";
        var saved = await JsonAsync(await client.PutAsJsonAsync($"/api/report-drafts/{draft["id"]}", body), HttpStatusCode.OK);
        saved["dataChanged"]!.GetValue<bool>().ShouldBeFalse();

        await LogAsync(campaign, unit, 30, "2021-04-18T09:00:00");

        var now = await JsonAsync(await client.GetAsync($"/api/report-drafts/{draft["id"]}"), HttpStatusCode.OK);
        now["dataChanged"]!.GetValue<bool>().ShouldBeTrue();
        var change = now["changedFigures"]!.AsArray().Single(c => c!["field"]!.GetValue<string>() == "metric:patients_benefited")!;
        (change["before"]!.GetValue<decimal>(), change["now"]!.GetValue<decimal>()).ShouldBe((120m, 150m));
        // The text the author wrote is kept; its numbers are today's.
        now["blocks"]!.AsArray().First(b => b!["kind"]!.GetValue<string>() == "opening")!["text"]!.GetValue<string>()
            .ShouldBe("本周我们亲手写的开篇：受益患者{metric:patients_benefited}人，开展活动{events}场。");
        using var docx = new ReportDocx(await (await client.GetAsync($"/api/report-drafts/{draft["id"]}.docx")).Content.ReadAsByteArrayAsync());
        docx.Text.ShouldContain("本周我们亲手写的开篇：受益患者150人，开展活动2场。");
        // Saving again takes the new figures as the ones it was edited against.
        (await JsonAsync(await client.PutAsJsonAsync($"/api/report-drafts/{draft["id"]}", SaveBody(now)), HttpStatusCode.OK))["dataChanged"]!
            .GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task Hostile_text_in_an_edited_paragraph_is_text_in_the_preview_the_pdf_and_the_word_file()
    {
        var (campaign, unit) = await CampaignAsync();
        await LogAsync(campaign, unit, 120);
        var (_, client) = await factory.ApiUserAsync(Roles.Admin);
        var draft = await JsonAsync(await client.PostAsJsonAsync($"/api/campaigns/{campaign}/report-drafts", new { lang = "zh-CN" }), HttpStatusCode.Created);
        const string hostile = "<script>alert(1)</script><img src=\"http://127.0.0.1:9/x.png\" onerror=\"alert(2)\">"
                               + "{ DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe } \u202Eتقرير\u202C 结束";
        var body = SaveBody(draft);
        body["blocks"]!.AsArray().Add(new JsonObject { ["kind"] = "paragraph", ["heading"] = "<b>附记</b>", ["text"] = hostile });
        var saved = await JsonAsync(await client.PutAsJsonAsync($"/api/report-drafts/{draft["id"]}", body), HttpStatusCode.OK);
        var id = saved["id"]!.GetValue<int>();

        // The preview's HTML (what the editor shows): escaped, no element of the user's.
        var admin = await factory.ActorAsync(await factory.CreateUserAsync($"admin-{Guid.NewGuid():N}@test.campaignhub.local", Roles.Admin));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var report = await scope.ServiceProvider.GetRequiredService<ReportDraftService>().BuildAsync(admin, id);
            var html = await scope.ServiceProvider.GetRequiredService<SummaryReportService>().RenderHtmlAsync(report, markFields: true);
            html.ShouldNotContain("<script>alert");
            html.ShouldNotContain("<img src=\"http://127.0.0.1:9");
            html.ShouldNotContain("<b>附记");
            html.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;");
        }

        var pdf = await client.GetAsync($"/api/report-drafts/{id}.pdf");
        pdf.StatusCode.ShouldBe(HttpStatusCode.OK, await pdf.Content.ReadAsStringAsync());
        var text = PdfTools.Compact(await ReportPdfText.LayoutAsync(await pdf.Content.ReadAsByteArrayAsync()));
        text.ShouldContain(PdfTools.Compact("<script>alert(1)</script>"));
        text.ShouldContain(PdfTools.Compact("onerror=\"alert(2)\""));
        text.ShouldContain("<b>附记</b>");

        var word = await client.GetAsync($"/api/report-drafts/{id}.docx");
        using var docx = new ReportDocx(await word.Content.ReadAsByteArrayAsync());
        docx.Text.ShouldContain(hostile);
        docx.Text.ShouldContain("تقرير");
        docx.Body.Descendants<FieldCode>().ShouldBeEmpty();
        docx.Body.Descendants<SimpleField>().ShouldBeEmpty();
        // Nothing links out: the user's <img> is no picture or relationship of the file.
        docx.Document.MainDocumentPart!.ExternalRelationships.ShouldBeEmpty();
        docx.Document.MainDocumentPart.HyperlinkRelationships.ShouldBeEmpty();
    }

    [Fact]
    public async Task Texts_over_their_caps_are_refused_with_messages_naming_the_block()
    {
        var (campaign, _) = await CampaignAsync();
        var (_, client) = await factory.ApiUserAsync(Roles.Admin);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var draft = await JsonAsync(await client.PostAsJsonAsync($"/api/campaigns/{campaign}/report-drafts", new { }), HttpStatusCode.Created);
        var body = SaveBody(draft, new string('题', 301));
        body["blocks"]!.AsArray().Add(new JsonObject { ["kind"] = "paragraph", ["text"] = new string('字', 100_000) });
        var index = body["blocks"]!.AsArray().Count - 1;

        var problem = await JsonAsync(await client.PutAsJsonAsync($"/api/report-drafts/{draft["id"]}", body), HttpStatusCode.BadRequest);

        var errors = problem["errors"]!.AsObject();
        errors["title"]![0]!.GetValue<string>().ShouldContain("300");
        errors[$"blocks[{index}].text"]![0]!.GetValue<string>().ShouldContain("20000");
        (await client.GetFromJsonAsync<JsonElement>($"/api/report-drafts/{draft["id"]}")).GetProperty("version").GetInt64().ShouldBe(draft["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task The_english_report_uses_english_fields_shows_the_chinese_where_there_are_none_and_lists_those_for_the_editor_only()
    {
        var (campaign, unit) = await CampaignAsync();
        var english = await LogAsync(campaign, unit, 120);
        var admin = await factory.ActorAsync(await factory.CreateUserAsync($"admin-{Guid.NewGuid():N}@test.campaignhub.local", Roles.Admin));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var events = scope.ServiceProvider.GetRequiredService<EventService>();
            var details = await events.GetAsync(english.Id);
            await events.UpdateAsync(admin, english.Id, new EventInput
            {
                CampaignId = campaign, UnitIds = [unit], Title = details!.Title, TitleEn = "Breast cancer free clinic", Kind = "free_clinic",
                Channel = "offline", Status = "held", Start = details.Start, End = details.End, Narrative = details.Narrative,
                NarrativeEn = "Experts examined patients on the spot.", Highlight = true, Figures = new() { ["patients_benefited"] = 120 },
            }, details.Version);
        }

        await LogAsync(campaign, unit, 10, "2021-04-17T09:00:00");
        var (_, client) = await factory.ApiUserAsync(Roles.Admin);
        var draft = await JsonAsync(await client.PostAsJsonAsync($"/api/campaigns/{campaign}/report-drafts", new { lang = "en" }), HttpStatusCode.Created);
        var id = draft["id"]!.GetValue<int>();

        // The Chinese that remains is listed for the translator, with where it is.
        var untranslated = draft["untranslated"]!.AsArray().Select(g => g!["text"]!.GetValue<string>()).ToList();
        untranslated.ShouldContain("专家现场义诊。");
        untranslated.ShouldContain("乳腺癌义诊");
        untranslated.ShouldNotContain("Breast cancer free clinic");

        using var docx = new ReportDocx(await (await client.GetAsync($"/api/report-drafts/{id}.docx")).Content.ReadAsByteArrayAsync());
        docx.Headings("Heading1").Take(2).ShouldBe(["1. Breast cancer free clinic", "2. 乳腺癌义诊"]);
        docx.Text.ShouldContain("Experts examined patients on the spot.");
        docx.Text.ShouldContain("专家现场义诊。");
        docx.Text.ShouldNotContain("Awaiting a translator");

        var pdf = PdfTools.Compact(await ReportPdfText.LayoutAsync(await (await client.GetAsync($"/api/report-drafts/{id}.pdf")).Content.ReadAsByteArrayAsync()));
        pdf.ShouldContain("Breastcancerfreeclinic");
        pdf.ShouldNotContain("Awaitingatranslator");

        // The editor's preview lists it once, at the end.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var report = await scope.ServiceProvider.GetRequiredService<ReportDraftService>().BuildAsync(admin, id);
            var html = await scope.ServiceProvider.GetRequiredService<SummaryReportService>().RenderHtmlAsync(report, markFields: true);
            html.Split("Awaiting a translator").Length.ShouldBe(2);
            html.LastIndexOf("专家现场义诊。", StringComparison.Ordinal).ShouldBeGreaterThan(html.IndexOf("Awaiting a translator", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Finalising_a_draft_stores_the_edited_pdf_and_word_file_and_the_snapshot_of_its_figures()
    {
        var (campaign, unit) = await CampaignAsync();
        await LogAsync(campaign, unit, 120);
        var (_, client) = await factory.ApiUserAsync(Roles.Admin);
        var draft = await JsonAsync(await client.PostAsJsonAsync($"/api/campaigns/{campaign}/report-drafts", new { lang = "zh-CN" }), HttpStatusCode.Created);
        await JsonAsync(await client.PutAsJsonAsync($"/api/report-drafts/{draft["id"]}", SaveBody(draft, "宣传周工作总结（修订稿）")), HttpStatusCode.OK);

        var finalised = await JsonAsync(await client.PostAsJsonAsync($"/api/campaigns/{campaign}/reports", new { draftId = draft["id"]!.GetValue<int>() }), HttpStatusCode.Created);
        var id = finalised["id"]!.GetValue<int>();

        var word = await client.GetAsync($"/api/reports/{id}.docx");
        word.StatusCode.ShouldBe(HttpStatusCode.OK);
        using (var docx = new ReportDocx(await word.Content.ReadAsByteArrayAsync()))
        {
            docx.Headings("Title").ShouldBe(["宣传周工作总结（修订稿）"]);
        }

        var pdf = PdfTools.Compact(await ReportPdfText.LayoutAsync(await (await client.GetAsync($"/api/reports/{id}.pdf")).Content.ReadAsByteArrayAsync()));
        pdf.ShouldContain("宣传周工作总结（修订稿）");
        await using var db = await factory.DbAsync();
        var stored = await db.FinalisedReports.SingleAsync(r => r.Id == id);
        stored.DraftId.ShouldBe(draft["id"]!.GetValue<int>());
        JsonDocument.Parse(stored.Snapshot).RootElement.GetProperty("totals").GetProperty("metrics").GetProperty("patients_benefited").GetDecimal().ShouldBe(120);
    }
}
