using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Totals;

namespace CampaignHub.Web.Features.Reports.Summary;

/// <summary>
/// Writes the report's generated sentences from the statistics, in the manner of the Shanxi summary
/// (seeds/000_e46fe9d50bf54d3b.txt): the totals paragraph and an event's figures line, every number from the data,
/// nothing typed in, zero figures left out. The draft's own paragraphs are <see cref="ReportDraftWriter"/>'s.
/// </summary>
public static class SummaryReportWriter
{
    /// <summary>The order of the source report's closing paragraph; other metrics follow in catalogue order.</summary>
    public static readonly IReadOnlyList<string> SeedMetricOrder =
    [
        "staff_medical", "staff_scientists", "staff_organisers", "staff_backstage", "volunteers", "staff_media",
        "books", "brochures", "av_products", "patients_benefited", "public_benefited",
        "reach_tv", "reach_radio", "reach_self_media", "reach_portal", "reach_douyin", "reach_wechat",
    ];

    /// <summary>The kinds the source report counts, in its order; other kinds follow in the enum's order.</summary>
    public static readonly IReadOnlyList<string> SeedKindOrder = ["media_interview", "broadcast", "lecture", "free_clinic", "patient_exchange"];

    private static readonly IReadOnlyList<string> KindOrder =
        SeedKindOrder.Concat(Codes<EventKind>.All.Except(SeedKindOrder)).ToList();

    /// <summary>
    /// The closing paragraph in the source's order: people taking part by role; online then offline events by kind;
    /// materials handed out; people who benefited; then media reach by channel; then anything else counted.
    /// </summary>
    public static string Totals(ReportTexts texts, CampaignStatistics statistics)
    {
        var metrics = Ordered(statistics.Metrics.Where(m => m.Value != 0)).ToList();
        string Phrases(string group) => texts.List(metrics.Where(m => m.Group == group).Select(m => Phrase(texts, m)).ToList());
        bool Any(string group) => metrics.Any(m => m.Group == group);

        var clauses = new List<string>();
        if (Any("participants"))
        {
            clauses.Add(texts.Format("Report_Totals_Participants", Phrases("participants")));
        }

        var online = EventItems(texts, statistics.Totals, online: true);
        var offline = EventItems(texts, statistics.Totals, online: false);
        if (online.Count > 0 || offline.Count > 0)
        {
            clauses.Add(online.Count > 0 && offline.Count > 0
                ? texts.Format("Report_Totals_EventsBoth", texts.List(online), texts.List(offline))
                : online.Count > 0
                    ? texts.Format("Report_Totals_EventsOnline", texts.List(online))
                    : texts.Format("Report_Totals_EventsOffline", texts.List(offline)));
        }

        if (Any("materials"))
        {
            clauses.Add(texts.Format("Report_Totals_Materials", Phrases("materials")));
        }

        if (Any("beneficiaries"))
        {
            var beneficiaries = metrics.Where(m => m.Group == "beneficiaries").Select(m => Phrase(texts, m)).ToList();
            clauses.Add(texts.Format("Report_Totals_Beneficiaries", texts.List(beneficiaries, enumeration: true)));
        }

        var sentences = new List<string>();
        if (clauses.Count > 0)
        {
            sentences.Add(texts.Sentences(clauses));
        }

        if (Any("media_reach"))
        {
            sentences.Add(texts.Sentences([texts.Format("Report_Totals_MediaReach", Phrases("media_reach"))]));
        }

        var others = metrics.Where(m => m.Group is not ("participants" or "materials" or "beneficiaries" or "media_reach"))
            .Select(m => Phrase(texts, m)).ToList();
        if (others.Count > 0)
        {
            sentences.Add(texts.Sentences([texts.Format("Report_Totals_Other", texts.List(others))]));
        }

        return sentences.Count == 0 ? texts["Report_Totals_None"] : string.Join(texts.IsEnglish ? " " : "", sentences);
    }

    /// <summary>An event's own figures for its section, in the order of the totals; null when it has none.</summary>
    public static string? EventFigures(ReportTexts texts, IEnumerable<MetricTotal> figures)
    {
        var items = Ordered(figures.Where(f => f.Value != 0))
            .Select(f => texts.Figure(texts.Name(f.Name, f.NameEn), texts.Amount(f.Value, f.Estimated), texts.IsEnglish ? f.UnitEn : f.Unit))
            .ToList();
        // English items carry a colon ("Medical staff: 40 people"), so semicolons part them.
        return items.Count == 0 ? null : texts.Format("Report_Section_Figures", texts.IsEnglish ? texts.Semicolons(items) : texts.List(items));
    }

    private static List<string> EventItems(ReportTexts texts, CampaignTotals totals, bool online) =>
        KindOrder.Where(totals.Events.ContainsKey)
            .Select(kind => (Kind: kind, Count: online ? totals.Events[kind].Online : totals.Events[kind].Offline))
            .Where(k => k.Count > 0)
            .Select(k => texts.Format(online ? "Report_Totals_OnlineItem" : "Report_Totals_OfflineItem", texts.Plural($"Report_Events_{k.Kind}", k.Count, k.Count)))
            .ToList();

    /// <summary>
    /// The metric's own phrase (医护人员543人, "543 medical staff"), or its catalogue name, value and unit; a total
    /// that includes estimates says so (约/余, "about"/"more than": <see cref="ReportTexts.Amount"/>).
    /// </summary>
    private static string Phrase(ReportTexts texts, MetricTotal metric)
    {
        var key = $"Report_Metric_{metric.Code}";
        var amount = texts.Amount(metric.Value, metric.Estimated);
        return texts.Has(key)
            ? texts.Plural(key, metric.Value, amount)
            : texts.Figure(texts.Name(metric.Name, metric.NameEn), amount, texts.IsEnglish ? metric.UnitEn : metric.Unit);
    }

    private static IEnumerable<MetricTotal> Ordered(IEnumerable<MetricTotal> metrics) =>
        metrics.Select((m, i) => (Metric: m, Index: i))
            .OrderBy(x => SeedMetricOrder.IndexOf(x.Metric.Code) is var seed and >= 0 ? seed : int.MaxValue)
            .ThenBy(x => x.Index)
            .Select(x => x.Metric);

    private static int IndexOf(this IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
            {
                return i;
            }
        }

        return -1;
    }
}
