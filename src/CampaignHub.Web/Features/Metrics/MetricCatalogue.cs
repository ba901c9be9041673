using CampaignHub.Web.Domain;

namespace CampaignHub.Web.Features.Metrics;

/// <summary>
/// The starting catalogue of PRODUCT.md: the Shanxi totals (participants by role, materials, people who benefited,
/// media reach), screening figures and trainees, with the event kinds each metric fits. Seeded on an empty
/// database; admins edit it afterwards.
/// </summary>
public static class MetricCatalogue
{
    private static readonly string[] Staff = ["staff_medical", "staff_scientists", "staff_organisers", "staff_backstage"];
    private static readonly string[] Materials = ["books", "brochures", "av_products"];
    private static readonly string[] Reach = ["reach_tv", "reach_radio", "reach_self_media", "reach_portal", "reach_douyin", "reach_wechat"];

    /// <summary>
    /// Which metrics fit which kind of event, as the source reports count them: a free clinic counts patients, staff,
    /// volunteers and materials; media work counts reach by channel; a screening its funnel. Databases created
    /// before applicability existed get these through the migration that added it.
    /// </summary>
    public static IReadOnlyDictionary<EventKind, string[]> StartingApplicability { get; } = new Dictionary<EventKind, string[]>
    {
        [EventKind.LaunchCeremony] = ["public_benefited", "staff_medical", "staff_organisers", "staff_backstage", "volunteers", "staff_media", "brochures", "reach_tv", "reach_radio", "reach_self_media", "reach_portal"],
        [EventKind.FreeClinic] = ["patients_benefited", "public_benefited", .. Staff, "volunteers", .. Materials],
        [EventKind.Lecture] = ["public_benefited", "patients_benefited", "staff_medical", "staff_scientists", "staff_organisers", .. Materials],
        [EventKind.Screening] = ["invited", "screened", "tests_performed", "positive", "referred", "diagnosed_early", "staff_medical", "volunteers"],
        [EventKind.PatientExchange] = ["patients_benefited", "staff_medical", "staff_organisers", "volunteers", "books", "brochures"],
        [EventKind.MediaInterview] = [.. Reach, "staff_medical", "staff_media"],
        [EventKind.Broadcast] = [.. Reach, "staff_medical", "staff_media"],
        [EventKind.Training] = ["trainees", "staff_medical", "staff_scientists", "staff_organisers", "books"],
        [EventKind.Conference] = ["staff_medical", "staff_scientists", "staff_organisers", "staff_backstage", "trainees"],
        [EventKind.MaterialDistribution] = [.. Materials, "public_benefited", "volunteers"],
        [EventKind.VolunteerService] = ["volunteers", "public_benefited", "patients_benefited", "brochures"],
        [EventKind.Performance] = ["public_benefited", "patients_benefited", "volunteers", "staff_organisers", "staff_backstage"],
        [EventKind.Award] = ["staff_organisers", "staff_media", "reach_self_media", "reach_wechat"],
        [EventKind.Other] = ["public_benefited", "patients_benefited", "staff_medical", "staff_organisers", "volunteers", "brochures"],
    };

    /// <summary>
    /// The screening funnel of seed 004 (invited → screened → positive → referred → diagnosed early) by step; tests
    /// performed count tests, not people, and stay outside it.
    /// </summary>
    public static IReadOnlyDictionary<string, int> StartingFunnel { get; } = new Dictionary<string, int>
    {
        ["invited"] = 10,
        ["screened"] = 20,
        ["positive"] = 30,
        ["referred"] = 40,
        ["diagnosed_early"] = 50,
    };

    /// <summary>The funnel metrics added to the catalogue after it was first seeded; the migration that added them brings them to existing databases.</summary>
    public static IReadOnlyList<string> AddedForFunnel { get; } = ["invited", "positive", "diagnosed_early"];

    /// <summary>
    /// The starting relations between metrics of one event (metric → the metric it may not exceed): of the people
    /// screened, some are positive, some referred and some diagnosed early, never more than were screened. People
    /// invited are not a bound: walk-ins are screened without an invitation.
    /// </summary>
    public static IReadOnlyDictionary<string, string> StartingRelations { get; } = new Dictionary<string, string>
    {
        ["positive"] = "screened",
        ["referred"] = "screened",
        ["diagnosed_early"] = "screened",
    };

    public static IReadOnlyList<MetricDefinition> Starting()
    {
        MetricDefinition[] metrics =
        [
            Metric("staff_medical", "医护人员", "Medical staff", "人", "people", MetricGroup.Participants),
            Metric("staff_scientists", "科技工作者", "Scientists", "人", "people", MetricGroup.Participants),
            Metric("staff_organisers", "活动组织者", "Organisers", "人", "people", MetricGroup.Participants),
            Metric("staff_backstage", "幕后工作人员", "Backstage staff", "人", "people", MetricGroup.Participants),
            Metric("volunteers", "志愿者", "Volunteers", "人", "people", MetricGroup.Participants),
            Metric("staff_media", "媒体人员", "Media staff", "人", "people", MetricGroup.Participants),
            Metric("books", "科普图书", "Popular-science books", "册", "copies", MetricGroup.Materials),
            Metric("brochures", "宣传资料", "Brochures and leaflets", "册", "copies", MetricGroup.Materials),
            Metric("av_products", "音像制品", "Audio-visual products", "个", "items", MetricGroup.Materials),
            Metric("patients_benefited", "患者受益人数", "Patients who benefited", "人", "people", MetricGroup.Beneficiaries),
            Metric("public_benefited", "公众受益人数", "Members of the public who benefited", "人", "people", MetricGroup.Beneficiaries),
            Metric("reach_tv", "电视媒体流量", "TV reach", "人次", "views", MetricGroup.MediaReach),
            Metric("reach_radio", "广播媒体流量", "Radio reach", "人次", "listens", MetricGroup.MediaReach),
            Metric("reach_self_media", "自媒体流量", "Self-media reach", "人次", "views", MetricGroup.MediaReach),
            Metric("reach_portal", "门户网站流量", "Portal website reach", "人次", "views", MetricGroup.MediaReach),
            Metric("reach_douyin", "抖音流量", "Douyin reach", "人次", "views", MetricGroup.MediaReach),
            Metric("reach_wechat", "微信公众号流量", "WeChat official account reach", "人次", "views", MetricGroup.MediaReach),
            Metric("invited", "应邀筛查人数", "People invited to screening", "人", "people", MetricGroup.Screening),
            Metric("screened", "筛查人数", "People screened", "人", "people", MetricGroup.Screening),
            Metric("tests_performed", "检查检测人次", "Tests performed", "人次", "tests", MetricGroup.Screening),
            Metric("positive", "筛查阳性人数", "People screened positive", "人", "people", MetricGroup.Screening),
            Metric("referred", "需进一步诊治人数", "People referred for follow-up", "人", "people", MetricGroup.Screening),
            Metric("diagnosed_early", "早期诊断人数", "People diagnosed early", "人", "people", MetricGroup.Screening),
            Metric("trainees", "培训人数", "Trainees", "人", "people", MetricGroup.Training),
        ];
        for (var i = 0; i < metrics.Length; i++)
        {
            metrics[i].SortOrder = (i + 1) * 10;
            metrics[i].AtMostCode = StartingRelations.GetValueOrDefault(metrics[i].Code);
            metrics[i].FunnelStep = StartingFunnel.TryGetValue(metrics[i].Code, out var step) ? step : null;
            metrics[i].AppliesTo = StartingApplicability.Where(a => a.Value.Contains(metrics[i].Code))
                .Select(a => new MetricApplicability { Kind = a.Key }).ToList();
        }

        return metrics;
    }

    /// <summary>Every (metric code, kind) pair of <see cref="StartingApplicability"/>.</summary>
    public static IEnumerable<(string Code, EventKind Kind)> StartingPairs() =>
        StartingApplicability.SelectMany(a => a.Value.Select(code => (code, a.Key)));

    // Every starting metric counts people, copies or views: whole numbers.
    private static MetricDefinition Metric(string code, string name, string nameEn, string unit, string unitEn, MetricGroup group) =>
        new() { Code = code, Name = name, NameEn = nameEn, Unit = unit, UnitEn = unitEn, Group = group, IsCount = true };
}
