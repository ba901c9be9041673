using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Totals;

namespace CampaignHub.Web.Features.Reports.Summary;

/// <summary>What the opening paragraph says about the campaign.</summary>
public sealed record ReportCampaign(
    string Name, string? NameEn, string? Theme, string? ThemeEn, string? Edition, DateOnly StartDate, DateOnly EndDate,
    IReadOnlyList<(string Name, string? NameEn)> Organisers);

/// <summary>
/// Writes the report's paragraphs from the statistics, in the manner of the Shanxi summary
/// (seeds/000_e46fe9d50bf54d3b.txt): every number from the data, nothing typed in, zero figures left out.
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

    public static string Title(ReportTexts texts, ReportCampaign campaign, string? committeeName) =>
        committeeName is null
            ? texts.Format("Report_Title", texts.Name(campaign.Name, campaign.NameEn))
            : texts.Format("Report_TitleCommittee", texts.Name(campaign.Name, campaign.NameEn), committeeName);

    /// <summary>Campaign, edition, period, theme and organisers; then what was done, counted.</summary>
    public static IReadOnlyList<string> Opening(ReportTexts texts, ReportCampaign campaign, CampaignStatistics statistics, string? committeeName, bool hasSections)
    {
        var name = texts.Name(campaign.Name, campaign.NameEn);
        // The edition (第27届) is Chinese text without an English field: named in the Chinese report when the name lacks it.
        if (!texts.IsEnglish && !string.IsNullOrWhiteSpace(campaign.Edition) && !name.Contains(campaign.Edition, StringComparison.Ordinal))
        {
            name += $"（{campaign.Edition}）";
        }

        var clauses = new List<string>();
        var whole = statistics.From == campaign.StartDate && statistics.To == campaign.EndDate;
        clauses.Add(!whole
            ? texts.Format("Report_Opening_Covers", name, texts.Date(statistics.From), texts.Date(statistics.To))
            : statistics.From == statistics.To
                ? texts.Format("Report_Opening_HeldOn", name, texts.Date(statistics.From))
                : texts.Format("Report_Opening_Held", name, texts.Date(statistics.From), texts.Date(statistics.To)));
        var theme = texts.IsEnglish && !string.IsNullOrWhiteSpace(campaign.ThemeEn) ? campaign.ThemeEn : campaign.Theme;
        if (!string.IsNullOrWhiteSpace(theme))
        {
            clauses.Add(texts.Format("Report_Opening_Theme", theme));
        }

        if (campaign.Organisers.Count > 0)
        {
            clauses.Add(texts.Format("Report_Opening_Organisers", texts.List(campaign.Organisers.Select(o => texts.Name(o.Name, o.NameEn)).ToList(), enumeration: true)));
        }

        var totals = statistics.Totals;
        var online = totals.Events.Values.Sum(c => c.Online);
        var offline = totals.Events.Values.Sum(c => c.Offline);
        var who = committeeName ?? texts.Plural("Report_Committees_Count", statistics.Committees.Count(c => c.Events > 0), statistics.Committees.Count(c => c.Events > 0));
        var done = texts.Format("Report_Opening_Done", who, texts.Plural("Report_Events_Count", totals.EventCount, totals.EventCount), online, offline);

        // What was done is a sentence of its own: 期间，25个专委会共开展活动444场…
        var paragraphs = new List<string> { texts.Sentences(clauses) + (texts.IsEnglish ? " " : "") + texts.Sentences([done]) };
        if (hasSections)
        {
            paragraphs.Add(texts["Report_Opening_Sections"]);
        }

        return paragraphs;
    }

    /// <summary>
    /// The participating committees and what they ran: events by kind and people served. For one committee's own
    /// summary, that committee alone. Null when no committee ran anything.
    /// </summary>
    public static string? Committees(ReportTexts texts, CampaignStatistics statistics)
    {
        var active = statistics.Committees.Where(c => c.Events > 0 || c.PeopleServed > 0).ToList();
        if (active.Count == 0)
        {
            return null;
        }

        var items = active.Select(c =>
        {
            var kinds = KindOrder.Where(k => c.EventsByKind.GetValueOrDefault(k) > 0)
                .Select(k => texts.Plural($"Report_Events_{k}", c.EventsByKind[k], c.EventsByKind[k]))
                .ToList();
            var item = kinds.Count > 0
                ? texts.Format("Report_Committees_Item", texts.Name(c.Name, c.NameEn), texts.Plural("Report_Events_Count", c.Events, c.Events), texts.List(kinds, enumeration: true))
                : texts.Format("Report_Committees_ItemNoEvents", texts.Name(c.Name, c.NameEn));
            return c.PeopleServed > 0 ? item + texts.Plural("Report_Committees_Served", c.PeopleServed, ReportTexts.Number(c.PeopleServed)) : item;
        }).ToList();

        return statistics.CommitteeId is null
            ? texts.Format("Report_Committees_Intro", texts.Plural("Report_Committees_Count", active.Count, active.Count), texts.Semicolons(items))
            : texts.Sentences([texts.Semicolons(items)]);
    }

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
            .Select(f => texts.Figure(texts.Name(f.Name, f.NameEn), f.Value, texts.IsEnglish ? f.UnitEn : f.Unit))
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

    /// <summary>The metric's own phrase (医护人员543人, "543 medical staff"), or its catalogue name, value and unit.</summary>
    private static string Phrase(ReportTexts texts, MetricTotal metric)
    {
        var key = $"Report_Metric_{metric.Code}";
        return texts.Has(key)
            ? texts.Plural(key, metric.Value, ReportTexts.Number(metric.Value))
            : texts.Figure(texts.Name(metric.Name, metric.NameEn), metric.Value, texts.IsEnglish ? metric.UnitEn : metric.Unit);
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
