using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CampaignHub.Testing;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Association;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.DependencyInjection;
using static CampaignHub.Testing.RoadshowTestData;

namespace CampaignHub.FunctionalTests.Features.Reports.Summary;

/// <summary>
/// A roadshow's summary report (seed 002), as PDF and Word: one section per stop naming its host, the visiting team by
/// department, the talks by title, who chaired and discussed, the patients served and the handover to the next host;
/// a table of the stops with the next one marked upcoming; the units called by their kind, never 专委会.
/// </summary>
public sealed class RoadshowReportTests(CampaignHubAppFactory factory) : IClassFixture<CampaignHubAppFactory>
{
    private DateOnly Today => factory.Services.GetRequiredService<AssociationClock>().Today;

    private async Task<byte[]> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadAsByteArrayAsync();
    }

    [Fact]
    public async Task The_pdf_tells_each_stop_with_its_host_team_talks_moderators_patients_and_handover_and_lists_the_next_stop_as_upcoming()
    {
        var roadshow = await factory.AddRoadshowAsync(Today);
        var (_, client) = await factory.ApiUserAsync(Roles.Admin);

        var pdf = await GetAsync(client, $"/api/campaigns/{roadshow.Campaign}/report.pdf?lang=zh-CN");
        await File.WriteAllBytesAsync(Path.Combine(Path.GetTempPath(), "campaignhub-roadshow-report.pdf"), pdf);
        var text = await PdfTools.CompactTextAsync(pdf);

        text.ShouldContain($"第一站：{roadshow.FirstHost}");
        text.ShouldContain($"2024年4月27日，{Series}第一站在{roadshow.FirstHost}举行。");
        text.ShouldContain($"由{roadshow.Visiting}院长刘宏旭带队，胸外科、病理科等10名专家组成巡讲专家团队，成员有胸外科刘宇、病理科主任张勇。");
        text.ShouldContain($"{roadshow.FirstHost}院长温准致辞。");
        text.ShouldContain($"{roadshow.Visiting}医务部副主任朱新江带来《{StandardsTalk}》");
        text.ShouldContain($"{roadshow.Visiting}胸外科刘宇带来《{LungTalk}》");
        text.ShouldContain($"{LungDiscussion}由{roadshow.NextHost}副院长王国勇主持");
        text.ShouldContain($"{roadshow.Visiting}医学影像科张雷参与{LungDiscussion}");
        text.ShouldContain("本站为100名患者提供诊疗咨询。");
        text.ShouldContain($"会上，{roadshow.FirstHost}温准院长与下一站轮值主席单位{roadshow.NextHost}副院长王国勇举行交接仪式。");
        // The next stop: its own section, told as planned, and its row in the series table.
        text.ShouldContain($"第二站：{roadshow.NextHost}（即将举行）");
        var nextDate = $"{roadshow.NextStopDate.Year}年{roadshow.NextStopDate.Month}月{roadshow.NextStopDate.Day}日";
        text.ShouldContain($"{Series}第二站将于{nextDate}在{roadshow.NextHost}举行。");
        text.ShouldContain($"{Series}各站一览");
        text.ShouldContain($"第一站2024年4月27日{roadshow.FirstHost}10010");
        text.ShouldContain($"第二站{nextDate}（即将举行）{roadshow.NextHost}—");
        text.ShouldContain($"{Series}共安排2站，首站于2024年4月27日在{roadshow.FirstHost}拉开序幕。");
        // A hospital's expert team is no committee.
        text.ShouldNotContain("专委会");
    }

    [Fact]
    public async Task The_word_file_tells_the_same_stops_and_its_series_table_marks_the_next_stop_upcoming()
    {
        var roadshow = await factory.AddRoadshowAsync(Today);
        var (_, client) = await factory.ApiUserAsync(Roles.Admin);

        using var docx = new ReportDocx(await GetAsync(client, $"/api/campaigns/{roadshow.Campaign}/report.docx?lang=zh-CN"));

        docx.Headings("Heading1").ShouldContain(h => h.EndsWith($"第一站：{roadshow.FirstHost}", StringComparison.Ordinal));
        var body = string.Join("\n", docx.Paragraphs.Where(p => p.Style == "ReportBody").Select(p => p.Text));
        body.ShouldContain($"《{StandardsTalk}》");
        body.ShouldContain($"《{LungTalk}》");
        body.ShouldContain($"{LungDiscussion}由{roadshow.NextHost}副院长王国勇主持");
        body.ShouldContain("本站为100名患者提供诊疗咨询。");
        body.ShouldContain($"会上，{roadshow.FirstHost}温准院长与下一站轮值主席单位{roadshow.NextHost}副院长王国勇举行交接仪式。");

        var series = docx.Tables.First(t => t.Descendants<TableRow>().First().InnerText.StartsWith("站次", StringComparison.Ordinal));
        var rows = series.Descendants<TableRow>().Select(r => r.Descendants<TableCell>().Select(c => c.InnerText).ToList()).ToList();
        rows[0].ShouldBe(["站次", "日期", "承办单位", "服务患者（人）", "专家（人）"]);
        rows[1].ShouldBe(["第一站", "2024年4月27日", roadshow.FirstHost, "100", "10"]);
        rows[2][0].ShouldBe("第二站");
        rows[2][1].ShouldEndWith("（即将举行）");
        rows[2][2].ShouldBe(roadshow.NextHost);
        rows[2][3].ShouldBe("—", "a stop still to come has served nobody yet");
        docx.Text.ShouldNotContain("专委会");
    }

    [Fact]
    public async Task In_english_talk_titles_are_quoted_and_the_next_stop_is_marked_upcoming()
    {
        var roadshow = await factory.AddRoadshowAsync(Today);
        var (_, client) = await factory.ApiUserAsync(Roles.Admin);

        using var docx = new ReportDocx(await GetAsync(client, $"/api/campaigns/{roadshow.Campaign}/report.docx?lang=en"));

        docx.Text.ShouldContain($"presented “{LungTalk}”");
        docx.Text.ShouldNotContain("《");
        docx.Text.ShouldContain("The stop served 100 patients.");
        docx.Text.ShouldContain($"handed over to 副院长王国勇 ({roadshow.NextHost}), the host of the next stop.");
        docx.Headings("Heading1").ShouldContain(h => h.EndsWith($"Stop 2: {roadshow.NextHost} (upcoming)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_lecture_series_whose_parts_name_no_host_is_told_by_its_section_group_without_stops()
    {
        var unit = await factory.AddUnitAsync($"乳腺癌专委会{Guid.NewGuid():N}"[..12]);
        var campaign = await factory.AddCampaignAsync("宣传周", new(2021, 4, 15), new(2021, 4, 21), unit);
        var admin = await factory.ActorAsync(await factory.CreateUserAsync($"admin-{Guid.NewGuid():N}@test.campaignhub.local", Roles.Admin));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var events = scope.ServiceProvider.GetRequiredService<CampaignHub.Web.Features.Events.EventService>();
            foreach (var part in new[] { 1, 2 })
            {
                var start = new DateTime(2021, 4, 15 + part, 19, 30, 0);
                await events.CreateAsync(admin, new CampaignHub.Web.Features.Events.EventInput
                {
                    CampaignId = campaign, UnitIds = [unit], Title = $"医典通乳腺癌科普（第{part}期）", Kind = "lecture", Channel = "online",
                    Start = start, End = start.AddHours(1), Status = "held", Highlight = true, SectionGroup = "4.15系列活动",
                    SeriesName = "医典通乳腺癌治疗及预防科普", StopNumber = part, Narrative = "乳腺癌专委会在医典通平台开展系列科普直播。",
                });
            }
        }

        var (_, client) = await factory.ApiUserAsync(Roles.Admin);
        var text = await PdfTools.CompactTextAsync(await GetAsync(client, $"/api/campaigns/{campaign}/report.pdf?lang=zh-CN"));

        text.ShouldContain("一、4.15系列活动");
        text.ShouldNotContain("第一站");
        text.ShouldNotContain("各站一览");
    }

    [Fact]
    public async Task A_new_draft_has_a_section_per_stop_with_its_programme_and_turning_the_programme_off_leaves_its_sentences_out()
    {
        var roadshow = await factory.AddRoadshowAsync(Today);
        var (_, client) = await factory.ApiUserAsync(Roles.Admin);

        var created = await client.PostAsJsonAsync($"/api/campaigns/{roadshow.Campaign}/report-drafts", new { lang = "zh-CN" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var draft = await created.Content.ReadFromJsonAsync<JsonElement>();
        var sections = draft.GetProperty("blocks").EnumerateArray().Where(b => b.GetProperty("kind").GetString() == "section").ToList();
        sections.Select(b => b.GetProperty("eventIds").EnumerateArray().Select(i => i.GetInt32()).ToList())
            .ShouldBe([[roadshow.FreeClinic, roadshow.Conference], [roadshow.NextStop]]);
        sections.ShouldAllBe(b => b.GetProperty("showProgramme").GetBoolean());
        // The editor names a stop's section as the report heads it.
        draft.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("id").GetInt32() == roadshow.Conference)
            .GetProperty("stop").GetString().ShouldBe($"第一站：{roadshow.FirstHost}");

        var blocks = JsonNode.Parse(draft.GetProperty("blocks").GetRawText())!.AsArray();
        blocks.First(b => b!["kind"]!.GetValue<string>() == "section")!["showProgramme"] = false;
        var id = draft.GetProperty("id").GetInt32();
        var saved = await client.PutAsJsonAsync($"/api/report-drafts/{id}", new { title = draft.GetProperty("title").GetString(), blocks, version = draft.GetProperty("version").GetInt64() });
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());

        using var docx = new ReportDocx(await GetAsync(client, $"/api/report-drafts/{id}.docx"));
        docx.Headings("Heading1").ShouldContain(h => h.EndsWith($"第一站：{roadshow.FirstHost}", StringComparison.Ordinal));
        docx.Text.ShouldNotContain($"《{LungTalk}》");
        docx.Text.ShouldContain($"第二站将于");
    }
}
