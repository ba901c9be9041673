using CampaignHub.Web.Domain;

namespace CampaignHub.Web.Data.Seeding.Liaoning;

/// <summary>
/// The roadshow as seeds/002_d5ef1d438f01b1e5.txt tells its first stop (Liaoning Cancer Hospital, 2024-05-08): each of
/// the article's 镜头 is an event or a part of the programme. The article names the next host but not the next
/// stop's day, so no second stop is logged. "近百名患者" is logged as 100.
/// </summary>
internal static class LiaoningRoadshow
{
    public const string Series = "县域肿瘤防治中心规范化巡讲";

    public const string HealthCentre = "国家卫健委卫生发展研究中心";
    public const string CancerHospital = "辽宁省肿瘤医院";
    public const string QualityCentre = "辽宁省肿瘤质控中心";
    public const string Zhuanghe = "庄河市中心医院";
    public const string Tiemei = "辽健集团铁煤总医院";
    public const string Xiuyan = "岫岩满族自治县中心人民医院";
    public const string Dashiqiao = "大石桥市中心医院";
    public const string Xingcheng = "兴城市人民医院";
    public const string Donggang = "东港市中心医院";

    public const string ExpertTeam = "辽宁省肿瘤医院巡讲专家义诊团队";

    public static IReadOnlyList<DemoOrganisation> Organisations { get; } =
    [
        new(HealthCentre, "China National Health Development Research Center", OrganisationKind.Government, Address: "北京市"),
        new(CancerHospital, "Liaoning Cancer Hospital & Institute (Cancer Hospital of Dalian University of Technology)", OrganisationKind.Hospital, Address: "辽宁省沈阳市"),
        new(QualityCentre, "Liaoning Cancer Quality Control Center", OrganisationKind.Other, Address: "辽宁省沈阳市"),
        new(Zhuanghe, "Zhuanghe Central Hospital", OrganisationKind.Hospital, Address: "辽宁省大连市庄河市"),
        new(Tiemei, "Tiemei General Hospital of Liaoning Health Industry Group", OrganisationKind.Hospital, Address: "辽宁省铁岭市"),
        new(Xiuyan, "Xiuyan Manchu Autonomous County Central People's Hospital", OrganisationKind.Hospital, Address: "辽宁省鞍山市岫岩县"),
        new(Dashiqiao, "Dashiqiao Central Hospital", OrganisationKind.Hospital, Address: "辽宁省营口市大石桥市"),
        new(Xingcheng, "Xingcheng People's Hospital", OrganisationKind.Hospital, Address: "辽宁省葫芦岛市兴城市"),
        new(Donggang, "Donggang Central Hospital", OrganisationKind.Hospital, Address: "辽宁省丹东市东港市"),
    ];

    public static IReadOnlyList<DemoUnitRow> Units { get; } =
    [
        new(ExpertTeam, "Liaoning Cancer Hospital roadshow expert team", UnitKind.ExpertTeam, CancerHospital),
    ];

    public static Campaign Campaign(IReadOnlyDictionary<string, Organisation> organisations) => new()
    {
        Name = LiaoningDemoSeeder.CampaignName,
        NameEn = "Thousand Counties Project: Liaoning county cancer-centre roadshow",
        Form = CampaignForm.Roadshow,
        Description =
            "目前，我省县域肿瘤防治形势尤其严峻，日益增长的肿瘤患病率与县域肿瘤防治水平不足之间的矛盾逐渐严重。为解决县域医疗现状与资源不足，"
            + "由国家卫健委卫生发展研究中心指定辽宁省肿瘤医院作为省内唯一一家指导单位，陆续在省内开展规范化巡讲。",
        DescriptionEn =
            "Cancer is a growing burden in Liaoning's counties, and county hospitals lack the means to meet it. The China National Health Development "
            + "Research Center named Liaoning Cancer Hospital the province's only guiding institution, to tour the counties with training in standard care.",
        Aim = "深入贯彻“千县工程”重点任务、增强县域医院实力以及提升专科诊疗服务水平",
        AimEn = "carry out the Thousand Counties Project, strengthen county hospitals and raise the standard of specialist care",
        // The series began on 2024-04-27; the article gives no end: the year's end is ours.
        StartDate = new DateOnly(2024, 4, 27),
        EndDate = new DateOnly(2024, 12, 31),
        // The article is the hospital's own: it leads, so the title and the units paragraph are the hospital's.
        Organisers = DemoRows.Organisers(organisations, OrganiserRole.Organiser, CancerHospital, HealthCentre, QualityCentre).ToList(),
    };

    private static DateTime At(int hour, int minute = 0) => new(2024, 4, 27, hour, minute, 0);

    private static DemoPerson Visiting(ProgrammeRole role, string name, string? department = null, string? position = null) =>
        new(role, name, CancerHospital, department, position);

    public static List<DemoEvent> Events() =>
    [
        // 镜头一: the free clinic, by the visiting team of ten.
        new("联合义诊·惠及县域百姓", EventKind.FreeClinic, EventChannel.Offline, At(7, 30), At(11, 30), [ExpertTeam])
        {
            TitleEn = "Joint free clinic for the county's people",
            SeriesName = Series, StopNumber = 1, Host = Zhuanghe, ExpertTeamSize = 10, Highlight = true,
            Narrative = "早上7:30，辽宁省肿瘤医院联合义诊拉开了本次活动帷幕。辽宁省肿瘤医院专家义诊团队，为来自庄河及周边市县的近百名患者进行肿瘤相关诊疗咨询和权威解答，让广大患者足不出县就能享受到省级专家的优质医疗服务。",
            NarrativeEn = "At 7:30 the joint free clinic opened the day: the hospital's experts answered the questions of nearly a hundred patients from Zhuanghe and nearby counties, who had provincial specialists without leaving their county.",
            People =
            [
                Visiting(ProgrammeRole.TeamLeader, "刘宏旭", position: "党委副书记、院长"),
                Visiting(ProgrammeRole.Expert, "刘宇", "胸外科"),
                Visiting(ProgrammeRole.Expert, "张鑫丰", "乳腺外科", "副主任"),
                Visiting(ProgrammeRole.Expert, "张勇", "病理科", "主任"),
                Visiting(ProgrammeRole.Expert, "李爱琳", "放疗科", "胸部放疗病区主任"),
                Visiting(ProgrammeRole.Expert, "张雷", "医学影像科", "主任医师"),
            ],
            Figures = { ["patients_benefited"] = 100 },
        },

        // 镜头二 to 五: the meeting, its speeches, talks, case discussions and the handover.
        new("县域肿瘤防治中心规范化巡讲会", EventKind.Conference, EventChannel.Offline, At(8), At(12), [ExpertTeam])
        {
            TitleEn = "County cancer-centre standards meeting",
            SeriesName = Series, StopNumber = 1, Host = Zhuanghe, Highlight = true,
            NextHost = Tiemei, HandoverFrom = "温准院长", HandoverTo = "副院长王国勇",
            Narrative = "整个巡讲会充满了热情、思想碰撞与经验分享。专家们深入解读了肺癌、乳腺癌质控标准，探讨了肺癌、乳腺癌治疗规范化、同质化，展望了县域肿瘤防治中心建设的方向和目标。",
            NarrativeEn = "The experts explained the quality standards for lung and breast cancer, discussed making their treatment standard across hospitals, and looked ahead to building the county cancer centres.",
            People =
            [
                Visiting(ProgrammeRole.Speech, "刘宏旭", position: "党委副书记、院长"),
                new(ProgrammeRole.Speech, "温准", Zhuanghe, Position: "院长"),
                new(ProgrammeRole.Moderator, "李达兴", Xiuyan, Position: "院长") { Topic = "学术分享环节" },
                Visiting(ProgrammeRole.Talk, "朱新江", "医务部", "副主任") with { TalkTitle = "辽宁省县域肿瘤防治中心建设标准解读" },
                Visiting(ProgrammeRole.Talk, "刘宇", "胸外科") with { TalkTitle = "肺癌质控标准解读及规范化诊疗之路" },
                Visiting(ProgrammeRole.Talk, "李爱琳", "胸部放疗病区", "主任") with { TalkTitle = "放疗技术进展及在肺部肿瘤治疗中的应用" },
                new(ProgrammeRole.Moderator, "王国勇", Tiemei, Position: "副院长") { Topic = "肺癌专题讨论" },
                new(ProgrammeRole.Moderator, "汤华丽", Zhuanghe, "肿瘤内一科", "主任") { Topic = "乳腺癌专题讨论" },
                new(ProgrammeRole.Talk, "焦海波", Dashiqiao, "肿瘤一科", "主任") { TalkTitle = "从患者获益角度探讨ALK 阳性晚期NSCLC一线治疗优化选择" },
                Visiting(ProgrammeRole.Talk, "王冠") with { TalkTitle = "局部晚期ALK阳性肺腺癌TKI新辅助治疗" },
                Visiting(ProgrammeRole.Talk, "井明晰") with { TalkTitle = "乳腺癌质控标准解读及规范化诊疗之路" },
                new(ProgrammeRole.Talk, "任铁刚", Xingcheng, "肿瘤科放疗科", "主任") { Topic = "乳腺癌病例分享" },
                Visiting(ProgrammeRole.Discussant, "张勇", "病理科", "主任"),
                Visiting(ProgrammeRole.Discussant, "张雷", "医学影像科", "主任医师"),
                Visiting(ProgrammeRole.Discussant, "张鑫丰", "乳腺外科", "副主任"),
                new(ProgrammeRole.Discussant, "吴晓鹏", Donggang, "胸外科", "主任"),
                new(ProgrammeRole.Discussant, "邹海峰", Tiemei, "肿瘤诊疗中心兼放疗中心", "主任"),
                new(ProgrammeRole.Discussant, "刘乃祥", Zhuanghe, "肿瘤血液科", "主任"),
                new(ProgrammeRole.Discussant, "孙超", Zhuanghe, "普外二科", "负责人"),
            ],
        },
    ];
}
