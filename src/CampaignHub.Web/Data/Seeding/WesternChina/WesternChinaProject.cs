using CampaignHub.Web.Domain;

namespace CampaignHub.Web.Data.Seeding.WesternChina;

/// <summary>
/// The project as seeds/003_00bba0869eca56b7.txt reports it (Beijing Youth Daily, 2021-11-29). Its outcomes are
/// the rates the closing meeting stated, measured values without a sample size (the article gives none). The 12
/// provinces are not listed there: they are the 12 provinces and regions of China's western development policy,
/// which is what "西部地区12个省市" means. The 9 hospitals are not named, so they are counted, not listed.
/// </summary>
internal static class WesternChinaProject
{
    public const string SmokingCommittee = "中国控制吸烟协会呼吸疾病防治专业委员会";
    public const string Chaoyang = "首都医科大学附属北京朝阳医院";
    public const string RespiratoryInstitute = "北京市呼吸疾病研究所";

    public const string CessationClinic = "北京朝阳医院戒烟门诊";

    public const string ClosingMeetingTitle = "“西部戒烟关爱行动”项目终期总结会";
    public const string AwardCeremonyTitle = "西部控烟工作线上表彰颁奖仪式";

    private const string ClosingGroup = "项目终期总结会";
    private const string ClosingGroupEn = "The closing meeting";

    public static IReadOnlyList<DemoOrganisation> Organisations { get; } =
    [
        new(SmokingCommittee, "Respiratory Disease Committee of the Chinese Association on Tobacco Control", OrganisationKind.Association, Address: "北京市"),
        new(Chaoyang, "Beijing Chao-Yang Hospital of Capital Medical University", OrganisationKind.Hospital, Address: "北京市"),
        new(RespiratoryInstitute, "Beijing Institute of Respiratory Medicine", OrganisationKind.Other, Address: "北京市"),
    ];

    public static IReadOnlyList<DemoUnitRow> Units { get; } =
    [
        new(CessationClinic, "Smoking Cessation Clinic, Beijing Chao-Yang Hospital", UnitKind.Department, Chaoyang),
    ];

    private static readonly (string Name, string NameEn)[] Regions =
    [
        ("重庆市", "Chongqing"), ("四川省", "Sichuan"), ("贵州省", "Guizhou"), ("云南省", "Yunnan"), ("西藏自治区", "Tibet"), ("陕西省", "Shaanxi"),
        ("甘肃省", "Gansu"), ("青海省", "Qinghai"), ("宁夏回族自治区", "Ningxia"), ("新疆维吾尔自治区", "Xinjiang"), ("内蒙古自治区", "Inner Mongolia"),
        ("广西壮族自治区", "Guangxi"),
    ];

    public static Campaign Campaign(IReadOnlyDictionary<string, Organisation> organisations) => new()
    {
        Name = WesternChinaDemoSeeder.CampaignName,
        NameEn = "Western China Smoking Cessation Care Project",
        Form = CampaignForm.Project,
        Description =
            "中国拥有世界上近三分之一的烟民，吸烟给中国造成了巨大的健康和经济负担。根据2018年中国成人烟草调查报告数据，中国西部地区现有吸烟者1.0亿，占全国吸烟者近1/3，烟草流行情况不容乐观。",
        DescriptionEn =
            "China has nearly a third of the world's smokers. By the 2018 China Adult Tobacco Survey, western China has 100 million of them, almost a third of the country's.",
        Aim = "向中国西部地区12个省市的吸烟者或其亲友提供基于互联网技术的新型综合戒烟服务",
        AimEn = "offer smokers in 12 western provinces and regions, and their families, a new internet-based service to help them quit",
        StartDate = new DateOnly(2021, 4, 20),
        EndDate = new DateOnly(2021, 8, 6),
        Organisers = DemoRows.Organisers(organisations, OrganiserRole.Organiser, SmokingCommittee, Chaoyang, RespiratoryInstitute).ToList(),
        PartnerSiteCount = 9,
        PartnerSiteKind = OrganisationKind.Hospital,
        ReportingMedia = "北京青年报",
        ReportingMediaEn = "Beijing Youth Daily",
        Regions = Regions.Select((r, i) => new CampaignRegion { Name = r.Name, NameEn = r.NameEn, SortOrder = i }).ToList(),
        Outcomes =
        [
            Measured("接受戒烟服务1个月后成功戒烟率", "Quit rate one month after the service", 47.8m, OutcomeBound.Exact),
            Measured("未戒烟但已做过戒烟尝试的比例", "Share who tried to quit without quitting", 23.3m, OutcomeBound.Exact),
            Measured("戒烟公众号、小程序和微信群知晓率", "Awareness of the WeChat account, mini-programme and groups", 70m, OutcomeBound.MoreThan),
            Measured("三种戒烟服务使用率", "Use of the three cessation services", 50m, OutcomeBound.MoreThan),
        ],
    };

    private static CampaignOutcome Measured(string name, string nameEn, decimal rate, OutcomeBound bound) => new()
    {
        Name = name,
        NameEn = nameEn,
        Kind = OutcomeKind.Measured,
        RatePercent = rate,
        Bound = bound,
        MeasuredOn = new DateOnly(2021, 8, 6),
    };

    public static List<DemoEvent> Events() =>
    [
        new("“五位一体”综合戒烟服务", EventKind.FreeClinic, EventChannel.Online, new(2021, 4, 20, 8, 0, 0), new(2021, 8, 6, 18, 0, 0), [CessationClinic])
        {
            TitleEn = "The “five in one” cessation service",
            Platform = OnlinePlatform.Wechat, PlatformDetail = "戒烟微信公众号、小程序、微信群及热线", Highlight = true,
            Narrative = "该项目创新性提出“五位一体”戒烟服务模式，包括提供戒烟咨询的微信公众号、辅助戒烟心理与行为干预的戒烟微信小程序、实时戒烟咨询与群体干预的戒烟微信群，全程戒烟管理的热线联合医护人员的简短戒烟干预。戒烟门诊医生全程参与戒烟指导、提供专业支持。自2021年4月20启动至8月6日，已为西部地区17326名吸烟者或其亲友提供了多种形式的戒烟服务。",
            NarrativeEn = "The project's “five in one” model combines a WeChat account for advice, a WeChat mini-programme for psychological and behavioural support, WeChat groups for live advice and group support, a hotline that follows each smoker throughout, and brief advice from doctors and nurses, with cessation-clinic doctors guiding it all. From 20 April to 6 August 2021 it served 17,326 smokers and their families in western China.",
            Figures = { ["public_benefited"] = 17326 },
        },
        new(ClosingMeetingTitle, EventKind.Conference, EventChannel.Offline, new(2021, 11, 29, 9, 0, 0), new(2021, 11, 29, 12, 0, 0), [CessationClinic])
        {
            TitleEn = "The project's closing meeting",
            SectionGroup = ClosingGroup, SectionGroupEn = ClosingGroupEn,
            Host = Chaoyang, Location = "北京", Highlight = true,
            Narrative = "2021年11月29日，“西部戒烟关爱行动”项目终期总结会在北京正式召开。国家卫健委规划发展与信息化司、世界卫生组织驻华代表处、中国疾病预防控制中心控烟办公室、中国控制吸烟协会领导出席会议，北京市呼吸疾病研究所所长、北京朝阳医院副院长童朝晖教授主持会议，来自西部地区参与项目实施的9家医院项目负责人线上参会。北京朝阳医院戒烟门诊负责人梁立荣主任汇报了该模式在西部实施的情况。",
            NarrativeEn = "The project's closing meeting was held in Beijing on 29 November 2021, chaired by Professor Tong Zhaohui, director of the Beijing Institute of Respiratory Medicine and vice-president of Chao-Yang Hospital; the leads of the 9 western hospitals joined online. Dr Liang Lirong, head of the hospital's cessation clinic, reported on the project.",
            People =
            [
                new(ProgrammeRole.Moderator, "童朝晖", RespiratoryInstitute, Position: "所长、北京朝阳医院副院长"),
                new(ProgrammeRole.Talk, "梁立荣", Chaoyang, "戒烟门诊", "负责人") { Topic = "“五位一体”戒烟服务模式在西部实施的情况" },
            ],
        },
        new(AwardCeremonyTitle, EventKind.Award, EventChannel.Online, new(2021, 11, 29, 11, 0, 0), new(2021, 11, 29, 12, 0, 0), [CessationClinic])
        {
            TitleEn = "Online award ceremony for tobacco control in western China",
            SectionGroup = ClosingGroup, SectionGroupEn = ClosingGroupEn,
            Platform = OnlinePlatform.LiveStream, Highlight = true,
            Narrative = "为表彰在西部控烟工作中表现突出的医生，会上举行了线上表彰颁奖仪式。童朝晖教授为获奖医生颁奖，7位控烟大使线上发言，介绍新型戒烟服务模式的实施经验与体会。此外，会上还为一位来自朝阳医院戒烟门诊成功戒烟的王先生颁发了“戒烟大使”奖杯，表彰他在项目实施期间积极分享科学戒烟方法，热心帮助并指导数十位吸烟者成功戒烟。",
            NarrativeEn = "An online ceremony honoured the doctors who did most for tobacco control in the west; seven tobacco-control ambassadors spoke about their work. Mr Wang, who quit at Chao-Yang Hospital's cessation clinic and then helped dozens of smokers to quit, received a quit-smoking ambassador trophy.",
        },
    ];

    /// <summary>The three awards of the ceremony; of the ambassadors, the article tells only that seven spoke.</summary>
    public static IReadOnlyList<DemoAward> Awards { get; } =
    [
        new("控烟大使", "Tobacco control ambassador", AwardCeremonyTitle, RecipientCount: 7),
        new("控烟先锋", "Tobacco control pioneer", AwardCeremonyTitle),
        new("控烟卫士", "Tobacco control guardian", AwardCeremonyTitle),
    ];
}
