using System.Globalization;
using Bunit;
using CampaignHub.Web;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Metrics;
using CampaignHub.Web.Features.Reports.Summary;
using CampaignHub.Web.Features.Totals;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CampaignHub.UnitTests.Features.Reports.Summary;

/// <summary>The report's wording: the totals paragraph in the source's manner and order, and the numbered sections.</summary>
public sealed class SummaryReportTests
{
    private static readonly IStringLocalizer Localizer = new ServiceCollection()
        .AddLogging()
        .AddLocalization(options => options.ResourcesPath = "Resources")
        .BuildServiceProvider()
        .GetRequiredService<IStringLocalizer<SharedResource>>();

    /// <summary>The closing table of the Shanxi report (seeds/README.md).</summary>
    private static readonly Dictionary<string, decimal> SeedMetrics = new()
    {
        ["staff_medical"] = 543, ["staff_scientists"] = 23, ["staff_organisers"] = 73, ["staff_backstage"] = 144, ["volunteers"] = 162,
        ["staff_media"] = 13, ["books"] = 380, ["brochures"] = 2542, ["av_products"] = 11, ["patients_benefited"] = 4083,
        ["public_benefited"] = 11386, ["reach_tv"] = 2010, ["reach_radio"] = 22500, ["reach_self_media"] = 1625, ["reach_portal"] = 700,
        ["reach_douyin"] = 40, ["reach_wechat"] = 38171,
    };

    private static readonly Dictionary<string, ChannelCounts> SeedEvents = new()
    {
        ["free_clinic"] = new(19, 80), ["lecture"] = new(45, 86), ["patient_exchange"] = new(45, 64), ["media_interview"] = new(7, 85), ["broadcast"] = new(2, 3),
    };

    private static CampaignStatistics Statistics(IReadOnlyDictionary<string, decimal> metrics, IReadOnlyDictionary<string, ChannelCounts> events, int? unitId = null)
    {
        // Deliberately not in the source's order: the writer orders them.
        var catalogue = MetricCatalogue.Starting().ToDictionary(d => d.Code);
        var totals = metrics.Reverse()
            .Select(m => (Definition: catalogue[m.Key], m.Value))
            .Select(m => new MetricTotal(m.Definition.Code, m.Definition.Name, m.Definition.NameEn, m.Definition.Unit, m.Definition.UnitEn,
                Codes<MetricGroup>.Of(m.Definition.Group), m.Value))
            .ToList();
        return new CampaignStatistics(1, new(2021, 4, 15), new(2021, 4, 21), unitId,
            new CampaignTotals(events.Values.Sum(c => c.Online + c.Offline), events, metrics),
            Enumerable.Range(0, 7).Select(i => new DailyEventCount(new DateOnly(2021, 4, 15).AddDays(i), i, 2 * i)).ToList(), [], totals, []);
    }

    private static ReportTexts Texts(string language) => new(Localizer, language);

    [Fact]
    public void The_chinese_totals_paragraph_reads_like_the_source_with_its_figures_in_its_order()
    {
        var paragraph = SummaryReportWriter.Totals(Texts("zh-CN"), Statistics(SeedMetrics, SeedEvents));

        paragraph.ShouldBe(
            "参加本次活动的医护人员543人，科技工作者23人，活动组织者73人，幕后工作人员144人，志愿者162人，媒体人员13人，"
            + "开展线上媒体访谈7场，线上广播电视节目2场，线上科普讲座45场，线上义诊咨询活动19场，线上患者交流活动45场，"
            + "线下媒体访谈85场，线下广播电视节目3场，线下科普讲座86场，线下义诊咨询活动80场，线下患者交流活动64场，"
            + "发放科普图书380册，宣传资料2542册，音像制品11个，患者4083人、公众11386人受益。"
            + "活动期间，电视媒体流量2010人次，广播媒体流量22500人次，自媒体流量1625人次，门户网站流量700人次，抖音流量40人次，微信公众号流量38171人次。");
    }

    [Fact]
    public void The_english_totals_paragraph_is_sentences_with_the_same_figures()
    {
        var paragraph = SummaryReportWriter.Totals(Texts("en"), Statistics(SeedMetrics, SeedEvents));

        paragraph.ShouldStartWith("Taking part were 543 medical staff, 23 scientists, 73 organisers, 144 backstage staff, 162 volunteers and 13 media staff. "
                                  + "Online there were 7 media interviews, 2 radio and TV programmes, 45 lectures, 19 free clinics and consultations and 45 patient exchanges; "
                                  + "offline, 85 media interviews,");
        paragraph.ShouldContain("Those who benefited were 4083 patients and 11386 members of the public.");
        paragraph.ShouldEndWith("40 views on Douyin and 38171 views on the WeChat official account.");
    }

    [Fact]
    public void Figures_that_are_zero_or_missing_are_left_out_of_the_sentences()
    {
        var metrics = new Dictionary<string, decimal> { ["patients_benefited"] = 10, ["books"] = 0 };
        var events = new Dictionary<string, ChannelCounts> { ["lecture"] = new(0, 1) };

        SummaryReportWriter.Totals(Texts("zh-CN"), Statistics(metrics, events)).ShouldBe("开展线下科普讲座1场，患者10人受益。");
        SummaryReportWriter.Totals(Texts("en"), Statistics(metrics, events)).ShouldBe("Offline there were 1 lecture. Those who benefited were 10 patients.");
        SummaryReportWriter.Totals(Texts("zh-CN"), Statistics(new Dictionary<string, decimal>(), new Dictionary<string, ChannelCounts>()))
            .ShouldBe("本期间没有记录活动或数据。");
    }

    [Fact]
    public void Chinese_section_numbers_are_chinese_numerals()
    {
        Enumerable.Range(1, 12).Select(ChineseNumerals.Of).ShouldBe(["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"]);
        ChineseNumerals.Of(20).ShouldBe("二十");
        ChineseNumerals.Of(50).ShouldBe("五十");
        Texts("en").SectionNumber(3).ShouldBe("3.");
    }

    [Fact]
    public async Task The_document_numbers_its_sections_一_二_三_and_prints_user_text_as_text()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("en");
        await using var context = new BunitContext();
        context.Services.AddLocalization(options => options.ResourcesPath = "Resources");
        var texts = Texts("zh-CN");
        var campaign = new ReportCampaign("宣传周", null, null, null, null, null, null, null, null, null, new(2021, 4, 15), new(2021, 4, 21), []);
        var events = new[] { "启动仪式", "资料宣传", "<script>alert(1)</script>" }
            .Select((title, i) => new ReportEvent(i + 1, title, null, null, EventKind.Lecture, EventChannel.Offline, null, null,
                new DateTime(2021, 4, 15 + i, 9, 0, 0), new DateTime(2021, 4, 15 + i, 11, 0, 0), null, null, [], "记述 <b>一</b>" + i, null, true, []))
            .ToDictionary(e => e.Id);
        var source = new ReportSource(1, null, null, null, new(2021, 4, 15), new(2021, 4, 21), texts, campaign, Statistics(SeedMetrics, SeedEvents),
            SeedMetrics.Keys.ToList(), events, events.Keys.ToList(), [EventKind.Lecture]);
        List<ReportDraftBlock> blocks =
        [
            new() { Kind = ReportDraftBlockKind.Opening, Text = "开篇。" },
            .. events.Keys.Select(id => new ReportDraftBlock { Kind = ReportDraftBlockKind.Section, EventIds = [id] }),
            new() { Kind = ReportDraftBlockKind.Totals },
        ];
        var report = SummaryReportBuilder.Build(source, null, "宣传周活动总结", blocks, new Dictionary<int, SummaryReportBuilder.EventPhotos>(),
            new DateTime(2021, 4, 22, 9, 0, 0));

        var document = context.Render<SummaryReportDocument>(parameters => parameters.Add(p => p.Report, report));

        // In the report's language, whatever the reader's UI language is.
        document.FindAll("section.highlight h2").Select(h => h.TextContent).ShouldBe(["一、启动仪式", "二、资料宣传", "三、<script>alert(1)</script>"]);
        document.Markup.ShouldNotContain("<script>");
        document.Markup.ShouldNotContain("<b>");
        document.Find("[data-testid=totals-paragraph]").TextContent.ShouldContain("线上科普讲座45场");
        document.Find("h2#totals").TextContent.ShouldBe("总体数据");
        document.FindAll("svg.chart").Count.ShouldBe(3);
        document.Find("[data-testid=metrics-table]").TextContent.ShouldContain("38171");
    }
}
