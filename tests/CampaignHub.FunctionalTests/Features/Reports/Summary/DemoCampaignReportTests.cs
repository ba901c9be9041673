using System.Net;
using System.Text.RegularExpressions;
using CampaignHub.Testing;
using CampaignHub.Web.Data.Seeding;
using CampaignHub.Web.Data.Seeding.Liaoning;
using CampaignHub.Web.Data.Seeding.Tianjin;
using CampaignHub.Web.Data.Seeding.WesternChina;
using CampaignHub.Web.Data.Seeding.Xiangtan;
using CampaignHub.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CampaignHub.FunctionalTests.Features.Reports.Summary;

/// <summary>
/// Issue 11, point 7: the demo database (Seed:Demo, loaded as the run command loads it) holds one campaign per source
/// report, and each one's summary report, rendered to PDF by the real app in Chromium and read back with pdftotext,
/// states the facts of its source. The expected facts are read from the stored data where the data holds them, so
/// the test follows the data through the report, not a copy of the seeder.
/// </summary>
public sealed partial class DemoCampaignReportTests(ShanxiDemoAppFactory factory) : IClassFixture<ShanxiDemoAppFactory>
{
    [Fact]
    public async Task The_breast_reconstruction_programme_report_names_its_partner_hospitals_and_the_240_books()
    {
        var campaign = await CampaignAsync(TianjinDemoSeeder.CampaignName);
        var partners = campaign.Organisers.Where(o => o.Role == OrganiserRole.PartnerSite).OrderBy(o => o.SortOrder).Select(o => o.Organisation!.Name).ToList();
        partners.Count.ShouldBe(5);

        var text = await CompactTextAsync(campaign.Id);

        text.ShouldContain("天津医科大学肿瘤医院乳房再造公益行活动总结");
        text.ShouldContain("今年是项目举办的第三年");
        text.ShouldContain(PdfTools.Compact($"联合{string.Join("、", partners)}等5家医院参与实施"));
        // The books as a total of the logged figures, and as the article tells it.
        text.ShouldContain("科普图书240册");
        text.ShouldContain("向市内6区妇联免费赠送共计240本");
        text.ShouldContain("筛查人数160人");
        text.ShouldContain("乳房再造志愿行团队");
        text.ShouldContain("用心帮扶，从西北到东南共享技术成果");
    }

    [Fact]
    public async Task The_roadshow_report_tells_its_first_stop_with_host_talk_titles_moderators_and_the_handover()
    {
        var campaign = await CampaignAsync(LiaoningDemoSeeder.CampaignName);
        await using var db = await factory.DbAsync();
        var talks = await db.Set<EventSpeaker>().Where(p => p.Role == ProgrammeRole.Talk && p.TalkTitle != null
                && db.Events.Any(e => e.Id == p.EventId && e.CampaignId == campaign.Id))
            .Select(p => p.TalkTitle!).ToListAsync();
        talks.Count.ShouldBe(6);

        var text = await CompactTextAsync(campaign.Id);

        text.ShouldContain("辽宁省肿瘤医院“千县工程”辽宁省县域肿瘤防治中心规范化巡讲活动总结");
        text.ShouldContain("第一站：庄河市中心医院");
        text.ShouldContain("县域肿瘤防治中心规范化巡讲首站于2024年4月27日在庄河市中心医院拉开序幕");
        foreach (var title in talks)
        {
            text.ShouldContain(PdfTools.Compact($"《{title}》"));
        }

        text.ShouldContain("本站为100名患者提供诊疗咨询");
        text.ShouldContain("10名专家组成巡讲专家团队");
        text.ShouldContain("肺癌专题讨论由辽健集团铁煤总医院副院长王国勇主持");
        text.ShouldContain("会上，庄河市中心医院温准院长与下一站轮值主席单位辽健集团铁煤总医院副院长王国勇举行交接仪式。");
    }

    [Fact]
    public async Task The_cessation_project_report_states_the_17326_people_served_its_rates_regions_and_awards()
    {
        var campaign = await CampaignAsync(WesternChinaDemoSeeder.CampaignName);

        var text = await CompactTextAsync(campaign.Id);

        text.ShouldContain("该项目旨在向中国西部地区12个省市的吸烟者或其亲友提供基于互联网技术的新型综合戒烟服务。");
        text.ShouldContain("项目共服务17326人");
        text.ShouldContain("接受戒烟服务1个月后成功戒烟率47.8%");
        text.ShouldContain("未戒烟但已做过戒烟尝试的比例23.3%");
        text.ShouldContain("知晓率超过70%");
        text.ShouldContain("使用率超过50%");
        text.ShouldContain("等12个地区");
        text.ShouldContain("9家医院");
        text.ShouldContain("共设立3个奖项——“控烟大使”、“控烟先锋”、“控烟卫士”");
        text.ShouldContain("评选出7位“控烟大使”");
        text.ShouldNotContain("本届主题为");
    }

    [Fact]
    public async Task The_screening_programme_report_is_in_english_with_each_cancers_screening_figures()
    {
        var campaign = await CampaignAsync(XiangtanDemoSeeder.CampaignName);
        campaign.ReportLanguage.ShouldBe("en");
        await using var db = await factory.DbAsync();
        var screenings = await db.Events.Where(e => e.CampaignId == campaign.Id && e.Kind == EventKind.Screening)
            .Select(e => new { e.Title, Screened = e.Figures.Single(f => f.Metric!.Code == "screened").Value, Positive = e.Figures.Single(f => f.Metric!.Code == "positive").Value })
            .ToListAsync();
        screenings.Count.ShouldBe(8);

        // No language asked for: the campaign's own, English.
        var layout = await ReportPdfText.LayoutAsync(await PdfAsync(campaign.Id, null));
        var text = PdfTools.Compact(layout);

        Cjk().IsMatch(layout).ShouldBeFalse("an English-first report of an English source has no Chinese");
        text.ShouldContain("Summaryof" + PdfTools.Compact(XiangtanDemoSeeder.CampaignName));
        text.ShouldContain("Low-dosespiralCTlungcancerscreening");
        text.ShouldContain("Screeningfunnel");
        foreach (var screening in screenings)
        {
            // Each cancer's own figures, in its section: values of one screening, not the totals.
            text.ShouldContain($"Peoplescreened:{screening.Screened:0}people", Case.Sensitive, screening.Title);
            text.ShouldContain($"Peoplescreenedpositive:{screening.Positive:0}people", Case.Sensitive, screening.Title);
        }

        text.ShouldContain(PdfTools.Compact("Cervical cancer — Figures: People invited to screening"));
    }

    [Fact]
    public async Task The_english_shanxi_report_heads_its_sections_in_english_and_tells_its_highlighted_events_in_english()
    {
        var campaign = await CampaignAsync(ShanxiDemoSeeder.CampaignName);

        var layout = await ReportPdfText.LayoutAsync(await PdfAsync(campaign.Id, "en"));
        var text = PdfTools.Compact(layout);

        text.ShouldContain("TheShanxilaunchceremonyofthepreventionweek");
        text.ShouldContain("The4.15seriesofactivities");
        text.ShouldContain("Watchingthenationallaunchceremony");
        text.ShouldContain("TheKang'aiAngelsChoir");
        // The numbered sections, from the first to the work of the units, carry no Chinese left untranslated.
        var sections = layout[layout.IndexOf("Watching the national launch ceremony", StringComparison.Ordinal)..layout.IndexOf("Work of the", StringComparison.Ordinal)];
        Cjk().Matches(sections).Count.ShouldBe(0, sections);
    }

    private async Task<Campaign> CampaignAsync(string name)
    {
        await using var db = await factory.DbAsync();
        return await db.Campaigns.AsNoTracking().Include(c => c.Organisers).ThenInclude(o => o.Organisation).SingleAsync(c => c.Name == name);
    }

    private async Task<string> CompactTextAsync(int campaign) => PdfTools.Compact(await ReportPdfText.LayoutAsync(await PdfAsync(campaign, "zh-CN")));

    private async Task<byte[]> PdfAsync(int campaign, string? language)
    {
        var (_, client) = await factory.ApiUserAsync(Roles.Admin);
        var response = await client.GetAsync($"/api/campaigns/{campaign}/report.pdf" + (language is null ? "" : $"?lang={language}"));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        return await response.Content.ReadAsByteArrayAsync();
    }

    [GeneratedRegex(@"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]")]
    private static partial Regex Cjk();
}
