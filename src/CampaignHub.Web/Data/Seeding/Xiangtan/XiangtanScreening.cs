using CampaignHub.Web.Domain;

namespace CampaignHub.Web.Data.Seeding.Xiangtan;

/// <summary>
/// Xiangtan's screening work as seeds/004_cfd46c85322bd308.txt describes it (Xiangtan Daily, 2022-02-12). The source
/// is English and gives no Chinese, so the names are English in both fields. It names the programmes and the cancers
/// they screen for but gives no numbers: the funnel figures of each cancer are illustrative, and the campaign's
/// description says so, so that no reader takes them for the source's.
/// </summary>
internal static class XiangtanScreening
{
    public const string CentralHospital = "Xiangtan Central Hospital";
    public const string HealthCommission = "Xiangtan Municipal Health Commission";
    public const string NationalCancerCenter = "National Cancer Center";
    public const string XiangtanDaily = "Xiangtan Daily";

    public const string Centre = "Xiangtan Municipal Cancer Prevention and Treatment Center";
    public const string CityHospitals = "Xiangtan city hospitals";

    public const string LungGroup = "Low-dose spiral CT lung cancer screening";
    public const string WomenGroup = "Screening of women's two cancers";
    public const string UrbanGroup = "Screening of the urban five cancers";

    public static IReadOnlyList<DemoOrganisation> Organisations { get; } =
    [
        new(HealthCommission, HealthCommission, OrganisationKind.Government, Address: "Xiangtan, Hunan"),
        new(CentralHospital, CentralHospital, OrganisationKind.Hospital, Address: "Xiangtan, Hunan"),
        new(NationalCancerCenter, NationalCancerCenter, OrganisationKind.Other, Address: "Beijing"),
        new(XiangtanDaily, XiangtanDaily, OrganisationKind.Media, Address: "Xiangtan, Hunan"),
    ];

    public static IReadOnlyList<DemoUnitRow> Units { get; } =
    [
        new(Centre, Centre, UnitKind.Other, CentralHospital),
        new(CityHospitals, CityHospitals, UnitKind.PartnerSite),
    ];

    private const string Description =
        "In recent years, under the leadership of the Municipal Health Commission, Xiangtan has vigorously promoted the Healthy Hunan special action "
        + "on cancer prevention and control, exploring new ways of preventing and treating cancer, with remarkable results in tumour registration, "
        + "early diagnosis and treatment and health education that set a model for the province. The screening figures of this demo are "
        + "illustrative: the source article names the programmes but gives no numbers.";

    private const string Aim =
        "strengthen cancer prevention across the city: health education, screening, early detection and treatment and rehabilitation, for the whole life cycle of cancer patients";

    public static Campaign Campaign(IReadOnlyDictionary<string, Organisation> organisations) => new()
    {
        Name = XiangtanDemoSeeder.CampaignName,
        NameEn = XiangtanDemoSeeder.CampaignName,
        Form = CampaignForm.ScreeningProgramme,
        ReportLanguage = "en",
        Description = Description,
        DescriptionEn = Description,
        Aim = Aim,
        AimEn = Aim,
        ReportingMedia = XiangtanDaily,
        ReportingMediaEn = XiangtanDaily,
        StartDate = new DateOnly(2022, 2, 11),
        EndDate = new DateOnly(2022, 12, 31),
        Organisers =
        [
            .. DemoRows.Organisers(organisations, OrganiserRole.Organiser, HealthCommission),
            .. DemoRows.Organisers(organisations, OrganiserRole.Host, CentralHospital),
        ],
        Regions = [new CampaignRegion { Name = "Xiangtan", NameEn = "Xiangtan" }],
    };

    private static DemoEvent Screening(string title, string group, int month, int day, int endMonth, string unit, (int Invited, int Screened, int Positive, int Referred, int Early) f) =>
        new(title, EventKind.Screening, EventChannel.Offline, new(2022, month, day, 8, 0, 0), new(2022, endMonth, 28, 17, 0, 0), [unit])
        {
            TitleEn = title,
            SectionGroup = group, SectionGroupEn = group,
            Highlight = true,
            Figures =
            {
                ["invited"] = f.Invited, ["screened"] = f.Screened, ["positive"] = f.Positive, ["referred"] = f.Referred, ["diagnosed_early"] = f.Early,
            },
        };

    public static List<DemoEvent> Events()
    {
        const string founding =
            "On February 11, Xiangtan set up the province's first municipal cancer prevention and treatment center, connected to Xiangtan Central Hospital. "
            + "The establishment of the center marks a new period of development for the city's cancer prevention and control work: it will strengthen "
            + "cancer prevention and bring the city's medical institutions at all levels into prevention, screening, treatment and rehabilitation.";
        const string lung =
            "Xiangtan Central Hospital has undertaken the screening task of the National Cancer Center's clinical trial of low-dose spiral CT lung cancer "
            + "screening in the Chinese population and the optimisation of CAD software for lung cancer screening.";
        const string women =
            "Many hospitals in Xiangtan carry out the screening of women's two cancers (cervical cancer and breast cancer), which not only prevents cancer "
            + "from worsening but also raises people's awareness of cancer prevention and treatment.";
        const string urban =
            "The city's hospitals also screen for the urban five cancers: lung cancer, breast cancer, colorectal cancer, upper gastrointestinal cancer and liver cancer.";
        List<DemoEvent> events =
        [
            new("Establishment of the Xiangtan Municipal Cancer Prevention and Treatment Center", EventKind.LaunchCeremony, EventChannel.Offline,
                new(2022, 2, 11, 9, 0, 0), new(2022, 2, 11, 11, 0, 0), [Centre])
            {
                TitleEn = "Establishment of the Xiangtan Municipal Cancer Prevention and Treatment Center",
                Host = CentralHospital, Highlight = true, Narrative = founding, NarrativeEn = founding,
            },
            Screening("Lung cancer: low-dose spiral CT", LungGroup, 3, 1, 6, Centre, (2400, 2016, 187, 142, 31)) with { Host = CentralHospital, Narrative = lung, NarrativeEn = lung },
            Screening("Cervical cancer", WomenGroup, 3, 8, 11, CityHospitals, (6000, 5130, 342, 298, 46)) with { Narrative = women, NarrativeEn = women },
            Screening("Breast cancer", WomenGroup, 3, 8, 11, CityHospitals, (6000, 5084, 276, 231, 38)) with { Narrative = women, NarrativeEn = women },
        ];
        (string Cancer, (int, int, int, int, int) Figures)[] urbanFive =
        [
            ("Urban five cancers: lung cancer", (3000, 2310, 168, 121, 22)),
            ("Urban five cancers: breast cancer", (1800, 1412, 97, 80, 15)),
            ("Urban five cancers: colorectal cancer", (2500, 1935, 214, 176, 29)),
            ("Urban five cancers: upper gastrointestinal cancer", (2500, 1840, 131, 102, 18)),
            ("Urban five cancers: liver cancer", (2000, 1526, 88, 67, 12)),
        ];
        events.AddRange(urbanFive.Select(u => Screening(u.Cancer, UrbanGroup, 4, 1, 12, CityHospitals, u.Figures) with { Narrative = urban, NarrativeEn = urban }));
        return events;
    }
}
