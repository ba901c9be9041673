using CampaignHub.Web.Domain;
using static CampaignHub.Web.Data.Seeding.Shanxi.ShanxiUnits;
using static CampaignHub.Web.Data.Seeding.Shanxi.ShanxiOrganisations;

namespace CampaignHub.Web.Data.Seeding.Shanxi;

/// <summary>
/// The events the 2021 Shanxi summary (seeds/000_e46fe9d50bf54d3b.txt) narrates, with the text's own paragraphs
/// and the figures it gives. The events of its four numbered sections are highlighted; where one sentence tells of
/// several events, only the first is, so the report quotes the sentence once. Where the text names no unit or
/// day, the choice is ours and marked as such.
/// </summary>
internal static class ShanxiNarratedEvents
{
    public const string LaunchCeremonyTitle = "山西省第27届全国肿瘤防治宣传周启动仪式";

    /// <summary>The week in the association's words: the campaign's description, which the report's opening quotes.</summary>
    public const string Description =
        "每年的4月15日-21日是由中国抗癌协会倡导的全国肿瘤防治宣传周，已成为我国历史最悠久、规模最大、影响力最强的肿瘤防治品牌科普活动。"
        + "活动在做好新冠肺炎疫情常态化防控工作的同时，响应《“健康中国2030”规划纲要》要求，通过线上、线下和新媒体开展形式多样的癌症防治宣传教育，"
        + "以倡导健康生活方式，增强居民的癌症防治意识，营造全民健康良好氛围，把提升公众对癌症核心知识的知晓率、普及科学防癌的理念，"
        + "引导公众远离不良生活习惯，建立健康生活方式，实现对癌症的有效防控作为活动的主线，努力将防癌抗癌理念传播到千家万户。";

    public const string DescriptionEn =
        "Every year, 15 to 21 April is the National Cancer Prevention Week initiated by the China Anti-Cancer Association, now the longest-running, "
        + "largest and most influential cancer-prevention campaign in China. While keeping up routine COVID-19 prevention, and in line with the "
        + "Healthy China 2030 plan, the week used online, offline and new-media channels to teach the public about cancer: to promote healthy "
        + "lifestyles, raise awareness of the core facts about cancer, steer people away from unhealthy habits and so prevent cancer effectively.";

    /// <summary>The source's four numbered sections, as the events' section groups.</summary>
    public const string WatchingGroup = "组织观看启动仪式";
    public const string MaterialsGroup = "资料宣传";
    public const string LaunchGroup = "举办山西省肿瘤防治宣传周启动仪式";
    public const string SeriesGroup = "4.15系列活动";

    private const string Intro =
        "活动主要以各专委会组织实施，活动包括收看全国肿瘤防治宣传周启动仪式、山西省全国肿瘤防治宣传周启动仪式、山西省肿瘤医院本院区、南院区、社区大型义诊、线上线下科普宣传、精准防癌专科检查、志愿者服务、抗癌明星分享经验以及防癌知识讲座、患教交流会、医典通平台癌症科普知识及健康管理宣讲、保胃健康义诊活动、关爱男性健康前列腺癌公益筛查活动等，努力将防癌抗癌理念传播到千家万户。";

    private const string WatchingNationalLaunch =
        "4月11日上午9时，山西省抗癌协会各专委会分批组织广大医务工作者、患者、家属观看中国抗癌协会第27届全国肿瘤防治宣传周暨中国抗癌日在京启动仪式。受疫情影响，此次活动通过视频直播形式举行，专委会积极宣传，组织民众通过网络平台观看讲座，方便患者及家属观看。通过各位名家的精彩演讲，认识到肿瘤防治需要我们关注“防-筛-诊-治-康”的大健康服务理念，重视“全人-全程-全息”的医学模式，充分发挥“整合医学”的健康管理理念；明确了国务院发布《”健康中国2030“规划纲要》中提到的2030年实现总体癌症5年生存率提高15%的战略目标；观看《抗癌之路》医者故事分享，从医生视角，带来各自领域不同的防癌抗癌历程；通过解读《中国肿瘤防治核心科普知识（2021）》，从“预防、早筛、诊断、治疗、康复”5个方面不仅扭转部分容易导致癌症的生活陋习，也让公众更了解前沿肿瘤诊断与临床治疗方式。让大家了解肿瘤这一特殊疾病，对肿瘤有科学的认识和正确的判断，提高全民保健意识。";

    private const string MaterialCampaign =
        "4月12日至13日，宣传。志愿者们不仅将活动海报张贴于各病区及院内醒目位置，还走进社区，引导社会群众科学抗癌。覆盖3个社区，服务百姓500余人。";

    private const string ShanxiLaunch =
        "4月15日上午，由省肿瘤医院、省抗癌协会、省癌症中心等联合举办的山西省第27届全国肿瘤防治宣传周启动仪式在太原拉开帷幕，卫健委、医院及协会领导、抗癌志愿者、抗癌明星、医务工作者、媒体工作者、患者及家属等1000余人参加了此次活动。活动中展示的宣传版面和大量宣传资料，紧扣主题，成功助力健康中国活动内容，山西省肿瘤医院十余科室权威肿瘤专家联合山西省抗癌协会十余个专委会专家发挥专业优势亲临现场，多学科义诊、健康咨询一站式服务，为广大居民免费进行肿瘤疾病诊察、义诊咨询、提供癌症科普宣教，引导公众建立健康生活方式，远离癌症困扰。";

    private const string BreastCancerSeries = "乳腺癌专委会通过医典通平台进行了多期乳腺癌治疗及预防的科普活动以及医护联欢会。";

    private const string LungScreeningTalks = "神经内分泌肿瘤以及肺癌专委会分别组织开展的“肺癌的预防和筛查你知道多少”患教、健康宣教活动。";

    private const string RadiotherapyTalks = "放疗专委会线上、线下同时举办“癌症防治、共同行动”、“粒子植入治疗”科普健康讲座。";

    private const string ImagingTalks = "肿瘤影像专委会通过腾讯会议视频直播形式举行的“盆腔肿瘤的影像诊断”、“肺结节的筛查及影像诊断”线上科普讲座。";

    private const string TumourMarkerActivities =
        "肿瘤标志物专委会设立的长期网络咨询通路、热线电话为患者义诊、“如何在日常生活中发现肿瘤的蛛丝马迹”科普讲座以及4月26日“关爱肺结节”义诊活动，发放《肿瘤标志物解读与应用科普书籍》并免费为肺结节患者进行了七种自身抗体分子的公益筛查活动。";

    private const string CardioOncologyForum = "肿瘤心脏病学专委会4月27日召开了山西肿瘤心脏病高峰论坛学术会议。";

    private const string UrologyWeek =
        "泌尿男生殖系肿瘤专委会组织开展的前列腺及泌尿系统肿瘤的早期防治科普沙龙、关爱男性健康前列腺癌公益筛查主题活动，为100多名患者进行了义诊，免费抽血化验48人次，“泌尿肿瘤防治知多少”健康大讲堂活动以及对前列腺癌诊治的学术会议。";

    private const string StomachClinic =
        "肿瘤内镜学专委会保胃健康义诊活动（呼气试验检查），发放健康宣传册100余份，为80位病人免费碳十四呼气试验，共发现30余人需要进一步治疗，让大家了解HP和胃癌相关性，重视胃癌的一级预防，降低胃癌的发病率等系列活动，均受到了市民的广泛赞誉。";

    private const string NursingVolunteers =
        "肿瘤护理、安宁疗护、静脉输液治疗专委会联合行动，志愿者服务队组织播放肿瘤科普知识宣传视频，累计播放50小时，观看人数达300余人，并发放防癌知识健康宣传手册达1000余份。";

    private const string Choir =
        "山西省抗癌协会肿瘤康复人员组成的“康爱天使合唱团”进行了文艺表演，展现了肿瘤康复人员乐观向上的生活态度，鼓舞了患者勇敢面对癌症，努力康复的信心。";

    private const string RegistryTraining =
        "同时，流行病学专委会参与的山西省肿瘤登记工作技术培训班在太原成功举办，全省117个市县（区）项目实施单位260余名技术负责人和工作人员参会。培训班的召开对推进健康中国·山西行动，落实癌症防治专项行动，做好癌症防治前沿工作具有重大意义，同时也提高了基层技术人员业务能力和水平，对于做好肿瘤防治项目质控及数据的上报、分析及管理等工作具有促进作用，提升了我省肿瘤防治工作整体水平。";

    private const string OutpatientClinics =
        "山西省肿瘤医院门诊部组织胸外科、乳腺科、消化科、呼吸内科、普外科、血液内科、放疗科、神经外科、泌尿外科、病因室、流行病室、PICC、安宁疗护、伤口造口等科室进行义诊咨询，同期共有357名临床医师、药师、护士参与“健康山西”线上义诊，累计收益人数达1000余人次。";

    private const string MediaCoverage =
        "健康生活报、山西社会与法制频道、生活晨报、山西科技报等多家媒体单位对宣传周期间的活动进行了采访报道，广泛传播了防癌抗癌健康知识，营造了全民防癌抗癌的良好氛围。";

    // The ceremony's "十余个专委会": the text does not list them; these are the clinical units of the week.
    private static readonly string[] CeremonyUnits =
    [
        LungCancer, BreastCancer, Radiotherapy, Endoscopy, Urology, Gynaecology, Imaging, Nutrition, Nursing, HealthEducation, Lymphoma, TumourMarkers,
    ];

    private static DateTime At(int day, int hour, int minute = 0) => new(2021, 4, day, hour, minute, 0);

    /// <summary>The four sections' headings in the English report.</summary>
    private static readonly Dictionary<string, string> GroupsEn = new()
    {
        [WatchingGroup] = "Watching the national launch ceremony",
        [MaterialsGroup] = "Publicity materials",
        [LaunchGroup] = "The Shanxi launch ceremony of the prevention week",
        [SeriesGroup] = "The 4.15 series of activities",
    };

    /// <summary>The highlighted events' titles in the English report.</summary>
    private static readonly Dictionary<string, string> TitlesEn = new()
    {
        ["组织观看中国抗癌协会第27届全国肿瘤防治宣传周暨中国抗癌日启动仪式"] = "Watching the China Anti-Cancer Association's launch of the 27th National Cancer Prevention Week and China Anti-Cancer Day",
        ["宣传周资料宣传：病区张贴海报、走进社区"] = "Publicity for the week: posters on the wards and visits to communities",
        [LaunchCeremonyTitle] = "Shanxi launch ceremony of the 27th National Cancer Prevention Week",
        ["医典通乳腺癌科普（第1期）：乳腺癌的预防与早诊"] = "Breast cancer talks on Yidiantong (1): prevention and early diagnosis",
        ["“肺癌的预防和筛查你知道多少”患教活动"] = "Patient education: “How much do you know about preventing and screening lung cancer?”",
        ["“癌症防治、共同行动”科普健康讲座"] = "Health talk: “Cancer prevention: acting together”",
        ["“盆腔肿瘤的影像诊断”线上科普讲座"] = "Online talk: “Imaging diagnosis of pelvic tumours”",
        ["肿瘤标志物网络咨询与热线电话义诊"] = "Tumour markers: online advice and hotline consultations",
        ["山西肿瘤心脏病高峰论坛"] = "Shanxi Cardio-Oncology Summit",
        ["关爱男性健康前列腺癌公益筛查"] = "Men's health: free prostate cancer screening",
        ["保胃健康义诊（碳十四呼气试验）"] = "Stomach health free clinic (carbon-14 breath tests)",
        ["志愿者服务队播放肿瘤科普宣传视频"] = "Volunteers show cancer education videos",
        ["“康爱天使合唱团”文艺表演"] = "Performance by the Kang'ai Angels Choir",
        ["山西省肿瘤登记工作技术培训班"] = "Shanxi cancer registry training course",
        ["山西省肿瘤医院门诊部多科室义诊咨询"] = "Multi-department free clinic of Shanxi Province Cancer Hospital",
    };

    /// <summary>The narratives of the highlighted events in the English report.</summary>
    private static readonly Dictionary<string, string> NarrativesEn = new()
    {
        [WatchingNationalLaunch] =
            "At 9 a.m. on 11 April, the association's committees organised medical workers, patients and families, in groups, to watch the China "
            + "Anti-Cancer Association's launch in Beijing of the 27th National Cancer Prevention Week and China Anti-Cancer Day. Because of the pandemic "
            + "it was streamed online. The talks stressed the whole path of prevention, screening, diagnosis, treatment and rehabilitation, recalled "
            + "the Healthy China 2030 goal of raising five-year cancer survival by 15%, shared doctors' stories from the book The Road against Cancer "
            + "and explained the Core Facts on Cancer Prevention (2021), so that the public understands cancer and its modern diagnosis and treatment.",
        [MaterialCampaign] =
            "On 12 and 13 April, volunteers put up the week's posters on the wards and around the hospital and went into the community to teach "
            + "people to fight cancer scientifically: 3 communities were covered and more than 500 people served.",
        [ShanxiLaunch] =
            "On the morning of 15 April, the Shanxi launch ceremony of the 27th National Cancer Prevention Week, held jointly by the provincial cancer "
            + "hospital, the association and the Shanxi Cancer Center, opened in Taiyuan, with more than 1,000 people: leaders of the health commission, "
            + "the hospital and the association, volunteers, cancer survivors, medical and media workers, patients and families. Experts from more than "
            + "ten departments of the hospital and more than ten committees of the association gave multidisciplinary free clinics and health advice "
            + "on the spot, examined residents free of charge and taught them about cancer.",
        [BreastCancerSeries] = "The Breast Cancer Committee gave a series of talks on the treatment and prevention of breast cancer on the Yidiantong platform, and held a party for doctors and nurses.",
        [LungScreeningTalks] = "The Neuroendocrine Neoplasms and Lung Cancer committees each held patient education and health talks on “How much do you know about preventing and screening lung cancer?”.",
        [RadiotherapyTalks] = "The Radiation Oncology Committee held the health talks “Cancer prevention: acting together” and “Seed implantation therapy”, online and offline.",
        [ImagingTalks] = "The Oncologic Imaging Committee gave the online talks “Imaging diagnosis of pelvic tumours” and “Screening and imaging diagnosis of lung nodules” by live stream on Tencent Meeting.",
        [TumourMarkerActivities] =
            "The Tumour Markers Committee keeps a standing online advice channel and a hotline for patients, gave the talk “How to spot the traces of "
            + "cancer in daily life”, and on 26 April held a free clinic for lung nodules, handing out its popular-science book on tumour markers and "
            + "testing lung-nodule patients free of charge for seven autoantibodies.",
        [CardioOncologyForum] = "The Cardio-Oncology Committee held the Shanxi Cardio-Oncology Summit on 27 April.",
        [UrologyWeek] =
            "The Urological and Male Genital Tumours Committee held a salon on the early prevention of prostate and urinary tumours and a free prostate "
            + "cancer screening for men's health, seeing more than 100 patients and giving 48 free blood tests, the health lecture “How much do you know "
            + "about urological tumours?” and an academic meeting on prostate cancer.",
        [StomachClinic] =
            "The Oncologic Endoscopy Committee's stomach health free clinic (breath tests) handed out more than 100 leaflets and gave 80 patients a free "
            + "carbon-14 breath test, finding more than 30 who needed further treatment, and taught people how H. pylori relates to stomach cancer.",
        [NursingVolunteers] =
            "The Oncology Nursing, Hospice and Intravenous Infusion committees acted together: the volunteer team showed cancer education videos for "
            + "50 hours in all, watched by more than 300 people, and handed out more than 1,000 health leaflets.",
        [Choir] =
            "The Kang'ai Angels Choir, formed of the association's recovering cancer patients, performed, showing their optimism and encouraging "
            + "patients to face cancer bravely.",
        [RegistryTraining] =
            "The Shanxi cancer registry training course, with the Epidemiology Committee, was held in Taiyuan for more than 260 technical leads and staff "
            + "from 117 cities and counties, raising the skills of local staff in registry quality control and data reporting.",
        [OutpatientClinics] =
            "The hospital's outpatient department organised free clinics of its thoracic surgery, breast, gastroenterology, respiratory, general surgery, "
            + "haematology, radiotherapy, neurosurgery, urology, aetiology, epidemiology, PICC, hospice and wound care teams; 357 doctors, pharmacists "
            + "and nurses also took part in the Healthy Shanxi online clinic, serving more than 1,000 people.",
    };

    /// <summary>Fresh instances on every call: the plan adds figures to them.</summary>
    public static List<DemoEvent> Create() =>
        Events().Select(e => e with
        {
            TitleEn = TitlesEn.GetValueOrDefault(e.Title),
            NarrativeEn = e.Narrative is { } narrative ? NarrativesEn.GetValueOrDefault(narrative) : null,
            SectionGroupEn = e.SectionGroup is { } group ? GroupsEn[group] : null,
            // "with" copies the reference: each call must own its figures.
            Figures = new Dictionary<string, int>(e.Figures),
        }).ToList();

    private static List<DemoEvent> Events()
    {
        var all = ShanxiUnits.All.Select(c => c.Name).ToArray();
        return
        [
            // 一、组织观看启动仪式 (before the week: it does not count in the week's totals).
            new("组织观看中国抗癌协会第27届全国肿瘤防治宣传周暨中国抗癌日启动仪式", EventKind.LaunchCeremony, EventChannel.Online, At(11, 9), At(11, 11, 30), all)
            {
                SectionGroup = WatchingGroup,
                Platform = OnlinePlatform.LiveStream, Host = Association, Narrative = WatchingNationalLaunch, Highlight = true,
            },

            // 二、资料宣传 (before the week). The text names no unit: health education is ours.
            new("宣传周资料宣传：病区张贴海报、走进社区", EventKind.MaterialDistribution, EventChannel.Offline, At(12, 8), At(13, 17), [HealthEducation])
            {
                SectionGroup = MaterialsGroup,
                Host = CancerHospital, Location = "山西省肿瘤医院各病区及3个社区", Narrative = MaterialCampaign, Highlight = true,
                Figures = { ["public_benefited"] = 500 },
            },

            // 三、山西省启动仪式, with the multidisciplinary free clinics the intro lists.
            new(LaunchCeremonyTitle, EventKind.LaunchCeremony, EventChannel.Offline, At(15, 9), At(15, 11, 30), CeremonyUnits)
            {
                SectionGroup = LaunchGroup,
                Host = CancerHospital, Location = "太原", Narrative = ShanxiLaunch, Highlight = true,
                Figures = { ["public_benefited"] = 1000 },
            },
            new("山西省肿瘤医院本院区大型义诊", EventKind.FreeClinic, EventChannel.Offline, At(15, 8, 30), At(15, 12), [LungCancer, BreastCancer, Gynaecology])
            {
                SectionGroup = LaunchGroup,
                Host = CancerHospital, Venue = MainOutpatientHall, Narrative = Intro,
            },
            new("山西省肿瘤医院南院区大型义诊", EventKind.FreeClinic, EventChannel.Offline, At(15, 8, 30), At(15, 12), [Endoscopy, Lymphoma])
            {
                SectionGroup = LaunchGroup,
                Host = SouthCampus, Venue = SouthOutpatientHall, Narrative = Intro,
            },
            new("社区大型义诊", EventKind.FreeClinic, EventChannel.Offline, At(15, 14, 30), At(15, 17), [HealthEducation, Nursing])
            {
                SectionGroup = LaunchGroup,
                Location = "太原市迎泽区桥东街道社区", Narrative = Intro,
            },
            new("抗癌明星分享抗癌经验", EventKind.PatientExchange, EventChannel.Offline, At(15, 14, 30), At(15, 16), [HealthEducation])
            {
                SectionGroup = LaunchGroup,
                Host = CancerHospital, Venue = LectureHall, Narrative = Intro,
            },
            new("精准防癌专科检查", EventKind.Screening, EventChannel.Offline, At(16, 8), At(16, 12), [Imaging, TumourMarkers])
            {
                SectionGroup = LaunchGroup,
                Host = CancerHospital, Venue = MainOutpatientHall, Narrative = Intro,
            },

            // 四、4.15系列活动: one event per activity the section names.
            new("医典通乳腺癌科普（第1期）：乳腺癌的预防与早诊", EventKind.Lecture, EventChannel.Online, At(16, 19, 30), At(16, 20, 30), [BreastCancer])
            {
                SectionGroup = SeriesGroup,
                Platform = OnlinePlatform.Other, PlatformDetail = "医典通", SeriesName = "医典通乳腺癌治疗及预防科普", StopNumber = 1,
                Narrative = BreastCancerSeries, Highlight = true,
            },
            new("医典通乳腺癌科普（第2期）：乳腺癌的规范治疗", EventKind.Lecture, EventChannel.Online, At(18, 19, 30), At(18, 20, 30), [BreastCancer])
            {
                SectionGroup = SeriesGroup,
                Platform = OnlinePlatform.Other, PlatformDetail = "医典通", SeriesName = "医典通乳腺癌治疗及预防科普", StopNumber = 2,
                Narrative = BreastCancerSeries,
            },
            new("医典通乳腺癌科普（第3期）：乳腺癌术后康复与随访", EventKind.Lecture, EventChannel.Online, At(20, 19, 30), At(20, 20, 30), [BreastCancer])
            {
                SectionGroup = SeriesGroup,
                Platform = OnlinePlatform.Other, PlatformDetail = "医典通", SeriesName = "医典通乳腺癌治疗及预防科普", StopNumber = 3,
                Narrative = BreastCancerSeries,
            },
            new("乳腺癌专委会医护联欢会", EventKind.Other, EventChannel.Offline, At(17, 15), At(17, 17), [BreastCancer])
            {
                SectionGroup = SeriesGroup,
                Host = CancerHospital, Venue = LectureHall, Narrative = BreastCancerSeries,
            },
            new("“肺癌的预防和筛查你知道多少”患教活动", EventKind.PatientExchange, EventChannel.Offline, At(16, 14, 30), At(16, 16), [LungCancer])
            {
                SectionGroup = SeriesGroup,
                Host = CancerHospital, Venue = LectureHall, Narrative = LungScreeningTalks, Highlight = true,
            },
            new("“肺癌的预防和筛查你知道多少”健康宣教", EventKind.Lecture, EventChannel.Offline, At(17, 9, 30), At(17, 11), [Neuroendocrine])
            {
                SectionGroup = SeriesGroup,
                Host = CancerHospital, Location = "神经内分泌肿瘤病区", Narrative = LungScreeningTalks,
            },
            new("“癌症防治、共同行动”科普健康讲座", EventKind.Lecture, EventChannel.Offline, At(19, 9), At(19, 10, 30), [Radiotherapy])
            {
                SectionGroup = SeriesGroup,
                Host = CancerHospital, Venue = LectureHall, Narrative = RadiotherapyTalks, Highlight = true,
            },
            new("“粒子植入治疗”科普健康讲座", EventKind.Lecture, EventChannel.Online, At(19, 15), At(19, 16), [Radiotherapy])
            {
                SectionGroup = SeriesGroup,
                Platform = OnlinePlatform.LiveStream, Narrative = RadiotherapyTalks,
            },
            new("“盆腔肿瘤的影像诊断”线上科普讲座", EventKind.Lecture, EventChannel.Online, At(18, 19), At(18, 20), [Imaging])
            {
                SectionGroup = SeriesGroup,
                Platform = OnlinePlatform.TencentMeeting, Narrative = ImagingTalks, Highlight = true,
            },
            new("“肺结节的筛查及影像诊断”线上科普讲座", EventKind.Lecture, EventChannel.Online, At(20, 19), At(20, 20), [Imaging])
            {
                SectionGroup = SeriesGroup,
                Platform = OnlinePlatform.TencentMeeting, Narrative = ImagingTalks,
            },
            new("肿瘤标志物网络咨询与热线电话义诊", EventKind.FreeClinic, EventChannel.Online, At(15, 13), At(21, 17), [TumourMarkers])
            {
                SectionGroup = SeriesGroup,
                Platform = OnlinePlatform.Hotline, Narrative = TumourMarkerActivities, Highlight = true,
            },
            new("“如何在日常生活中发现肿瘤的蛛丝马迹”科普讲座", EventKind.Lecture, EventChannel.Offline, At(17, 10), At(17, 11, 30), [TumourMarkers])
            {
                SectionGroup = SeriesGroup,
                Host = CancerHospital, Venue = LectureHall, Narrative = TumourMarkerActivities,
            },
            new("“关爱肺结节”义诊", EventKind.FreeClinic, EventChannel.Offline, At(26, 8, 30), At(26, 12), [TumourMarkers])
            {
                SectionGroup = SeriesGroup,
                Host = CancerHospital, Venue = MainOutpatientHall, Narrative = TumourMarkerActivities,
            },
            new("肺结节患者七种自身抗体分子公益筛查", EventKind.Screening, EventChannel.Offline, At(26, 8, 30), At(26, 12), [TumourMarkers])
            {
                SectionGroup = SeriesGroup,
                Host = CancerHospital, Venue = MainOutpatientHall, Narrative = TumourMarkerActivities,
            },
            new("山西肿瘤心脏病高峰论坛", EventKind.Conference, EventChannel.Offline, At(27, 8, 30), At(27, 17), [CardioOncology])
            {
                SectionGroup = SeriesGroup,
                Location = "太原", Narrative = CardioOncologyForum, Highlight = true,
            },
            new("前列腺及泌尿系统肿瘤的早期防治科普沙龙", EventKind.Lecture, EventChannel.Offline, At(16, 15), At(16, 16, 30), [Urology])
            {
                SectionGroup = SeriesGroup,
                Host = CancerHospital, Venue = LectureHall, Narrative = UrologyWeek,
            },
            new("关爱男性健康前列腺癌公益筛查", EventKind.Screening, EventChannel.Offline, At(18, 8, 30), At(18, 12), [Urology])
            {
                SectionGroup = SeriesGroup,
                Host = CancerHospital, Venue = MainOutpatientHall, Narrative = UrologyWeek, Highlight = true,
                Figures = { ["patients_benefited"] = 100, ["screened"] = 48, ["tests_performed"] = 48 },
            },
            new("“泌尿肿瘤防治知多少”健康大讲堂", EventKind.Lecture, EventChannel.Offline, At(20, 9), At(20, 10, 30), [Urology])
            {
                SectionGroup = SeriesGroup,
                Host = CancerHospital, Venue = LectureHall, Narrative = UrologyWeek,
            },
            new("前列腺癌诊治学术会议", EventKind.Conference, EventChannel.Offline, At(21, 8, 30), At(21, 12), [Urology])
            {
                SectionGroup = SeriesGroup,
                Host = CancerHospital, Venue = LectureHall, Narrative = UrologyWeek,
            },
            new("保胃健康义诊（碳十四呼气试验）", EventKind.FreeClinic, EventChannel.Offline, At(17, 8, 30), At(17, 12), [Endoscopy])
            {
                SectionGroup = SeriesGroup,
                Host = CancerHospital, Venue = MainOutpatientHall, Narrative = StomachClinic, Highlight = true,
                Figures = { ["brochures"] = 100, ["patients_benefited"] = 80, ["screened"] = 80, ["tests_performed"] = 80, ["referred"] = 30 },
            },
            new("志愿者服务队播放肿瘤科普宣传视频", EventKind.VolunteerService, EventChannel.Offline, At(15, 13), At(21, 18), [Nursing, Hospice, Infusion])
            {
                SectionGroup = SeriesGroup,
                Host = CancerHospital, Location = "山西省肿瘤医院门诊及病区", Narrative = NursingVolunteers, Highlight = true,
                Figures = { ["brochures"] = 1000, ["public_benefited"] = 300 },
            },
            // The choir is the association's own; the text names no unit: continuing care (rehabilitation) is ours.
            new("“康爱天使合唱团”文艺表演", EventKind.Performance, EventChannel.Offline, At(16, 15), At(16, 16, 30), [ContinuingCare])
            {
                SectionGroup = SeriesGroup,
                Host = CancerHospital, Venue = LectureHall, Narrative = Choir, Highlight = true,
            },
            new("山西省肿瘤登记工作技术培训班", EventKind.Training, EventChannel.Offline, At(20, 9), At(21, 12), [Epidemiology])
            {
                SectionGroup = SeriesGroup,
                Location = "太原", Narrative = RegistryTraining, Highlight = true,
                Figures = { ["trainees"] = 260 },
            },
            new("山西省肿瘤医院门诊部多科室义诊咨询", EventKind.FreeClinic, EventChannel.Offline, At(19, 8, 30), At(19, 12), OutpatientDepartments)
            {
                SectionGroup = SeriesGroup,
                Host = CancerHospital, Venue = MainOutpatientHall, Narrative = OutpatientClinics, Highlight = true,
            },
            new("“健康山西”线上义诊", EventKind.FreeClinic, EventChannel.Online, At(15, 13), At(21, 18), OutpatientDepartments)
            {
                SectionGroup = SeriesGroup,
                Platform = OnlinePlatform.Other, PlatformDetail = "健康山西", Narrative = OutpatientClinics,
                Figures = { ["staff_medical"] = 357, ["patients_benefited"] = 1000 },
            },

            // The closing paragraph's media coverage (not a numbered section).
            new("健康生活报采访报道宣传周", EventKind.MediaInterview, EventChannel.Offline, At(15, 10), At(15, 11), [HealthEducation])
            {
                Host = HealthLifeNews, Narrative = MediaCoverage,
            },
            new("山西社会与法制频道电视采访报道", EventKind.Broadcast, EventChannel.Offline, At(15, 10), At(15, 11), [HealthEducation])
            {
                Host = SocietyAndLawChannel, Narrative = MediaCoverage,
            },
            new("生活晨报采访报道宣传周", EventKind.MediaInterview, EventChannel.Offline, At(15, 10, 30), At(15, 11, 30), [HealthEducation])
            {
                Host = MorningPost, Narrative = MediaCoverage,
            },
            new("山西科技报采访报道宣传周", EventKind.MediaInterview, EventChannel.Offline, At(16, 10), At(16, 11), [HealthEducation])
            {
                Host = ScienceNews, Narrative = MediaCoverage,
            },
        ];
    }
}
