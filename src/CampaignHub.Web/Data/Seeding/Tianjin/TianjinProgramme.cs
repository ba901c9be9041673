using CampaignHub.Web.Domain;

namespace CampaignHub.Web.Data.Seeding.Tianjin;

/// <summary>
/// The 2021 edition of 乳房再造公益行 as seeds/001_b5c54ceae72a0aa8.txt tells it (Tianjin Medical University, 2021-09-02).
/// The narratives are the article's sentences; its figures ("20多名", "240本", "160余名") are logged as the whole
/// numbers they state. The article dates none of the year's activities: the days are ours, in 2021, in the order the article tells them.
/// </summary>
internal static class TianjinProgramme
{
    public const string CancerHospital = "天津医科大学肿瘤医院";
    public const string WomensFederation = "天津市妇女联合会";
    public const string Foundation = "天津市妇女儿童发展基金会";
    public const string ZhejiangHospital = "浙江省人民医院";
    public const string HuabeiHospital = "华北石油管理局总医院";
    public const string BinhaiFederation = "滨海新区妇联";
    public const string QinhuangdaoHospital = "秦皇岛市妇幼保健院";

    public const string Reconstruction = "乳房再造科";
    public const string BreastImaging = "乳腺影像诊断科";
    public const string ReconstructionBranch = "乳房再造党支部";
    public const string ImagingBranch = "乳腺影像党支部";

    /// <summary>The partner hospitals of the programme, in the article's order: three since 2019, two this year.</summary>
    public static readonly string[] PartnerHospitals = ["青海省肿瘤医院", "福建医科大学附属第二医院", "甘肃省肿瘤医院", ZhejiangHospital, HuabeiHospital];

    public const string BooksEventTitle = "“‘乳’你所愿 为爱同行”公益活动：赠送科普书籍《漫话乳房再造》";

    private const string SharingGroup = "用心帮扶，从西北到东南共享技术成果";
    private const string CaringGroup = "共情关爱，助力癌症科普精准化、常态化";
    private const string DoorstepGroup = "齐心协力，把健康送到群众“家门口”";

    public static IReadOnlyList<DemoOrganisation> Organisations { get; } =
    [
        new(CancerHospital, "Tianjin Medical University Cancer Institute and Hospital", OrganisationKind.Hospital, Address: "天津市"),
        new("青海省肿瘤医院", "Qinghai Provincial Cancer Hospital", OrganisationKind.Hospital, Address: "青海省西宁市"),
        new("福建医科大学附属第二医院", "The Second Affiliated Hospital of Fujian Medical University", OrganisationKind.Hospital, Address: "福建省泉州市"),
        new("甘肃省肿瘤医院", "Gansu Provincial Cancer Hospital", OrganisationKind.Hospital, Address: "甘肃省兰州市"),
        new(ZhejiangHospital, "Zhejiang Provincial People's Hospital", OrganisationKind.Hospital, Address: "浙江省杭州市"),
        new(HuabeiHospital, "North China Petroleum Administration General Hospital", OrganisationKind.Hospital, Address: "河北省任丘市"),
        new(WomensFederation, "Tianjin Women's Federation", OrganisationKind.WomensFederation, Address: "天津市"),
        new(Foundation, "Tianjin Women and Children's Development Foundation", OrganisationKind.Foundation, Address: "天津市"),
        new(BinhaiFederation, "Binhai New Area Women's Federation", OrganisationKind.WomensFederation, Address: "天津市滨海新区"),
        new(QinhuangdaoHospital, "Qinhuangdao Maternal and Child Health Hospital", OrganisationKind.Hospital, Address: "河北省秦皇岛市"),
    ];

    public static IReadOnlyList<DemoUnitRow> Units { get; } =
    [
        new(Reconstruction, "Breast Reconstruction Department", UnitKind.Department, CancerHospital),
        new(BreastImaging, "Breast Imaging Department", UnitKind.Department, CancerHospital),
        new(ReconstructionBranch, "Breast Reconstruction Party Branch", UnitKind.PartyBranch, CancerHospital),
        new(ImagingBranch, "Breast Imaging Party Branch", UnitKind.PartyBranch, CancerHospital),
    ];

    public static Campaign Campaign(IReadOnlyDictionary<string, Organisation> organisations) => new()
    {
        Name = TianjinDemoSeeder.CampaignName,
        NameEn = "Breast Reconstruction Charity Programme",
        Form = CampaignForm.ProgrammeEdition,
        Edition = "项目举办的第三年",
        EditionEn = "3rd",
        Description =
            "肿瘤医院乳房再造科近年来的乳房再造比例已达50%以上，与国际水平相当。但从全国整体情况来看，乳房再造技术发展并不均衡，仍有许多地区由于技术、人才等条件所限，"
            + "患者难以在当地直接获得即刻再造的机会，全国整体乳房再造率约10%。对此，由乳房再造科牵头组建的国际多学科专家团队，于2019年启动“乳房再造公益行”项目，"
            + "目前已在青海省肿瘤医院、福建医科大学附属第二医院、甘肃省肿瘤医院开展多次、定点、双向的医护培训和患者教育，让居民群众在家门口就享受到了高水平的诊疗服务，切实提升了当地乳腺癌诊疗技术。",
        DescriptionEn =
            "More than half of the hospital's breast-cancer patients now have their breast reconstructed, on a par with international practice, but across "
            + "China the rate is about 10%: many regions lack the skills. In 2019 an international multidisciplinary team led by the Breast Reconstruction "
            + "Department started the Breast Reconstruction Charity Programme, which has since trained doctors and nurses and educated patients at "
            + "Qinghai Provincial Cancer Hospital, the Second Affiliated Hospital of Fujian Medical University and Gansu Provincial Cancer Hospital.",
        Aim = "解决医疗资源不均衡地区乳房再造技术短缺问题，带动乳腺肿瘤公益事业发展",
        AimEn = "bring breast-reconstruction skills to regions short of them and advance charitable breast-cancer care",
        StartDate = new DateOnly(2021, 1, 1),
        EndDate = new DateOnly(2021, 12, 31),
        Organisers =
        [
            .. DemoRows.Organisers(organisations, OrganiserRole.Organiser, CancerHospital),
            .. DemoRows.Organisers(organisations, OrganiserRole.CoOrganiser, WomensFederation, Foundation),
            .. DemoRows.Organisers(organisations, OrganiserRole.PartnerSite, PartnerHospitals),
        ],
    };

    private static DateTime At(int month, int day, int hour, int minute = 0) => new(2021, month, day, hour, minute, 0);

    public static List<DemoEvent> Events() =>
    [
        new("乳房再造公益行：浙江省人民医院乳房再造技术培训", EventKind.Training, EventChannel.Offline, At(3, 27, 9), At(3, 27, 17), [Reconstruction])
        {
            TitleEn = "Breast Reconstruction Charity Programme: reconstruction training at Zhejiang Provincial People's Hospital",
            SectionGroup = SharingGroup, SectionGroupEn = "Sharing skills from the north-west to the south-east",
            Host = ZhejiangHospital, Highlight = true,
            Narrative = "今年是乳房再造公益行项目成功举办的第三年，由肿瘤医院党委书记陆伟带队，带领乳房再造科医护团队前往浙江省人民医院开展技术帮扶，为20多名乳腺癌医师开展再造技术培训，助力专业梯队的初步建设。",
            NarrativeEn = "In the programme's third year, the hospital's Party secretary Lu Wei led the Breast Reconstruction Department's team to Zhejiang Provincial People's Hospital, where more than 20 breast-cancer surgeons were trained in reconstruction.",
            People = [new(ProgrammeRole.TeamLeader, "陆伟", CancerHospital, Position: "党委书记")],
            Figures = { ["trainees"] = 20 },
        },
        new("“乳此青瑞”院际互访——中青年医师学习交流", EventKind.Training, EventChannel.Offline, At(4, 17, 9), At(4, 18, 17), [Reconstruction])
        {
            TitleEn = "Inter-hospital visits for young and mid-career breast surgeons",
            SectionGroup = SharingGroup, SectionGroupEn = "Sharing skills from the north-west to the south-east",
            Host = CancerHospital, Highlight = true,
            Narrative = "中国抗癌协会乳腺癌青委会启动“乳此青瑞”院际互访——中青年医师学习交流项目，来自天津、河北、山西、安徽、吉林、内蒙古的16位乳腺癌领域专家集聚肿瘤医院学访，纷纷表示会将肿瘤医院优秀的乳腺外科手术经验及管理理念带回当地，造福当地肿瘤患者。",
            NarrativeEn = "In an exchange programme started by the young members' committee on breast cancer of the China Anti-Cancer Association, 16 breast-cancer specialists from Tianjin, Hebei, Shanxi, Anhui, Jilin and Inner Mongolia visited the hospital to learn its surgery and management.",
            Figures = { ["trainees"] = 16 },
        },
        new("华北石油管理局总医院乳腺癌防治专业授课", EventKind.Training, EventChannel.Offline, At(5, 22, 9), At(5, 22, 12), [Reconstruction])
        {
            TitleEn = "Breast-cancer teaching at North China Petroleum Administration General Hospital",
            SectionGroup = SharingGroup, SectionGroupEn = "Sharing skills from the north-west to the south-east",
            Host = HuabeiHospital, Highlight = true,
            Narrative = "乳房再造科医护团队深入到华北石油管理局总医院，为当地10余家医院40余名医生进行乳腺癌防治新技术、新理念的专业授课，就基层医院如何展开乳腺癌防治工作进行深入交流。",
            NarrativeEn = "The department's team taught more than 40 doctors from over 10 local hospitals at North China Petroleum Administration General Hospital about new techniques in breast-cancer prevention and treatment.",
            Figures = { ["trainees"] = 40 },
        },
        new(BooksEventTitle, EventKind.MaterialDistribution, EventChannel.Offline, At(6, 12, 9), At(6, 12, 12), [Reconstruction])
        {
            TitleEn = "“Your wish, our care”: the popular-science book Breast Reconstruction Explained given to six district women's federations",
            SectionGroup = CaringGroup, SectionGroupEn = "Caring outreach: regular, targeted cancer education",
            Host = WomensFederation, Location = "天津市", Highlight = true,
            Narrative = "在由天津市妇女联合会、天津市抗癌协会肿瘤整形外科专委会主办，天津医科大学肿瘤医院、天津市妇女儿童发展基金会承办，中国抗癌协会肿瘤防治科普专委会协办的“‘乳’你所愿 为爱同行”公益活动中，肿瘤医院医护团队编撰科普书籍《漫话乳房再造》向市内6区妇联免费赠送共计240本，为女性带来通俗易懂的科普知识和更加专业的医疗指导。",
            NarrativeEn = "At the charity event “Your wish, our care”, organised by the Tianjin Women's Federation with the Tianjin Anti-Cancer Association and carried out by the hospital and the Tianjin Women and Children's Development Foundation, the hospital's team gave 240 copies of its book Breast Reconstruction Explained to the women's federations of six city districts.",
            Figures = { ["books"] = 240 },
        },
        new("成立“乳房再造志愿行团队”", EventKind.VolunteerService, EventChannel.Offline, At(6, 12, 10), At(6, 12, 11), [Reconstruction])
        {
            TitleEn = "The breast-reconstruction volunteer team founded",
            SectionGroup = CaringGroup, SectionGroupEn = "Caring outreach: regular, targeted cancer education",
            Host = WomensFederation, Location = "天津市", Highlight = true,
            Narrative = "活动同时成立“乳房再造志愿行团队”，将通过新媒体平台线上传递和面对面线下交流等形式，以亲身经历传递积极治疗的心路历程以及乳房再造的真实体验，为有需要的人群进行针对性的乳房健康、乳腺癌防治及乳房再造知识科普，为乳腺癌患者提供专业性、权威性的医学信息支持。",
            NarrativeEn = "A breast-reconstruction volunteer team was founded at the event: former patients who share their experience of treatment and reconstruction online and face to face.",
        },
        new("“乳影益行·乳腺癌早诊”联合义诊：滨海新区妇联", EventKind.Screening, EventChannel.Offline, At(7, 10, 8, 30), At(7, 10, 12), [BreastImaging])
        {
            TitleEn = "Early breast-cancer diagnosis day at the Binhai New Area Women's Federation",
            SectionGroup = DoorstepGroup, SectionGroupEn = "Bringing health care to people's doorsteps",
            Host = BinhaiFederation, Highlight = true,
            Narrative = "肿瘤医院乳腺影像诊断科联合天津市妇女儿童发展基金会启动发起“乳影益行·乳腺癌早诊”公益项目，先后前往滨海新区妇联、秦皇岛市妇幼保健院开展“乳腺癌早诊”联合义诊及学术活动。活动已累积为到场的150余名女性进行了健康宣教、乳腺癌筛查知识科普，为160余名女性进行了乳腺综合影像会诊及乳腺超声检查。",
            NarrativeEn = "With the Tianjin Women and Children's Development Foundation, the Breast Imaging Department started an early-diagnosis project and held joint clinics at the Binhai New Area Women's Federation and Qinhuangdao Maternal and Child Health Hospital: over 150 women were taught about breast screening, and over 160 had imaging consultations and breast ultrasound.",
        },
        new("“乳影益行·乳腺癌早诊”联合义诊：秦皇岛市妇幼保健院", EventKind.Screening, EventChannel.Offline, At(7, 24, 8, 30), At(7, 24, 12), [BreastImaging])
        {
            TitleEn = "Early breast-cancer diagnosis day at Qinhuangdao Maternal and Child Health Hospital",
            SectionGroup = DoorstepGroup, SectionGroupEn = "Bringing health care to people's doorsteps",
            Host = QinhuangdaoHospital,
            Narrative = "肿瘤医院乳腺影像诊断科联合天津市妇女儿童发展基金会启动发起“乳影益行·乳腺癌早诊”公益项目，先后前往滨海新区妇联、秦皇岛市妇幼保健院开展“乳腺癌早诊”联合义诊及学术活动。活动已累积为到场的150余名女性进行了健康宣教、乳腺癌筛查知识科普，为160余名女性进行了乳腺综合影像会诊及乳腺超声检查。",
        },
        new("党日活动：乳腺疾病科普讲座及义诊", EventKind.FreeClinic, EventChannel.Offline, At(8, 14, 8, 30), At(8, 14, 12), [ReconstructionBranch, ImagingBranch])
        {
            TitleEn = "Party day: breast-health talk and free clinic",
            SectionGroup = DoorstepGroup, SectionGroupEn = "Bringing health care to people's doorsteps",
            Host = CancerHospital, Highlight = true,
            Narrative = "肿瘤医院乳房再造党支部及乳腺影像党支部运用红色资源寻初心、悟初心、筑初心，开展乳腺疾病科普讲座及义诊系列活动的党日活动，为300余名女性进行了乳腺触诊、报告会诊、乳腺自检方法以及乳腺癌的临床表现宣教等，使群众足不出户享受到了专家的医疗服务。",
            NarrativeEn = "The Breast Reconstruction and Breast Imaging Party branches held party days of breast-health talks and free clinics: over 300 women had breast examinations, report consultations and lessons in self-examination.",
            Figures = { ["public_benefited"] = 300 },
        },
    ];

    /// <summary>The early-diagnosis days' figures are the article's running totals for both days, so they are the department's, not one day's.</summary>
    public static IReadOnlyList<DemoEntry> Entries { get; } =
    [
        new(BreastImaging, new DateOnly(2021, 7, 24), "public_benefited", 150),
        new(BreastImaging, new DateOnly(2021, 7, 24), "screened", 160),
    ];
}
