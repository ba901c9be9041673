using CampaignHub.Web.Domain;

namespace CampaignHub.Web.Data.Seeding.Shanxi;

/// <summary>The association, its partners and the media that the 2021 Shanxi summary names.</summary>
internal static class ShanxiOrganisations
{
    public const string Association = "山西省抗癌协会";
    public const string ChinaAssociation = "中国抗癌协会";
    public const string CancerHospital = "山西省肿瘤医院";
    public const string SouthCampus = "山西省肿瘤医院南院区";
    public const string CancerCentre = "山西省癌症中心";
    public const string HealthCommission = "山西省卫生健康委员会";
    public const string HealthLifeNews = "健康生活报";
    public const string SocietyAndLawChannel = "山西社会与法制频道";
    public const string MorningPost = "生活晨报";
    public const string ScienceNews = "山西科技报";

    public const string MainOutpatientHall = "本院区门诊大厅";
    public const string LectureHall = "本院区学术报告厅";
    public const string SouthOutpatientHall = "南院区门诊大厅";

    public static IReadOnlyList<DemoOrganisation> All { get; } =
    [
        new(Association, "Shanxi Anti-Cancer Association", OrganisationKind.Association, Address: "山西省太原市"),
        new(ChinaAssociation, "China Anti-Cancer Association", OrganisationKind.Association, Address: "北京市"),
        new(CancerHospital, "Shanxi Province Cancer Hospital", OrganisationKind.Hospital, null, "山西省太原市", MainOutpatientHall, LectureHall)
        {
            VenuesEn = new Dictionary<string, string> { [MainOutpatientHall] = "Outpatient hall, main campus", [LectureHall] = "Lecture hall, main campus" },
        },
        new(SouthCampus, "Shanxi Province Cancer Hospital, South Campus", OrganisationKind.Campus, CancerHospital, "山西省太原市", SouthOutpatientHall)
        {
            VenuesEn = new Dictionary<string, string> { [SouthOutpatientHall] = "Outpatient hall, South Campus" },
        },
        new(CancerCentre, "Shanxi Cancer Center", OrganisationKind.Other, Address: "山西省太原市"),
        new(HealthCommission, "Health Commission of Shanxi Province", OrganisationKind.Government, Address: "山西省太原市"),
        new(HealthLifeNews, "Health Life News", OrganisationKind.Media),
        new(SocietyAndLawChannel, "Shanxi TV Society and Law Channel", OrganisationKind.Media),
        new(MorningPost, "Life Morning Post", OrganisationKind.Media),
        new(ScienceNews, "Shanxi Science and Technology News", OrganisationKind.Media),
    ];

    /// <summary>Who ran the week, in the order the launch ceremony names them.</summary>
    public static IReadOnlyList<string> CampaignOrganisers { get; } = [Association, CancerHospital, CancerCentre];

    public static IReadOnlyList<string> Newspapers { get; } = [HealthLifeNews, MorningPost, ScienceNews];

    /// <summary>The media the closing sentence names, in its order.</summary>
    public static IReadOnlyList<string> ReportingMedia { get; } = [HealthLifeNews, SocietyAndLawChannel, MorningPost, ScienceNews];
}
