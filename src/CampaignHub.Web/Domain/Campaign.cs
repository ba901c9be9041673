namespace CampaignHub.Web.Domain;

/// <summary>A campaign: the prevention week, a programme, a roadshow or a project, with its period and targets.</summary>
public sealed class Campaign : IVersioned, IAudited
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public string? NameEn { get; set; }

    /// <summary>主题, e.g. 点亮癌症之路 助力健康中国.</summary>
    public string? Theme { get; set; }

    public string? ThemeEn { get; set; }

    /// <summary>届次, e.g. 第27届.</summary>
    public string? Edition { get; set; }

    /// <summary>The edition in English, e.g. 27th.</summary>
    public string? EditionEn { get; set; }

    /// <summary>The campaign in its organisers' words, for the report's opening (what it is, why it is held).</summary>
    public string? Description { get; set; }

    public string? DescriptionEn { get; set; }

    /// <summary>The media that reported on the campaign, e.g. 山西日报、山西电视台, for the report's closing sentence.</summary>
    public string? ReportingMedia { get; set; }

    public string? ReportingMediaEn { get; set; }

    /// <summary>What the campaign sets out to do, in the report's words after the form's lead: 该项目旨在…</summary>
    public string? Aim { get; set; }

    public string? AimEn { get; set; }

    /// <summary>The form of campaign, which sets the report's wording.</summary>
    public CampaignForm Form { get; set; } = CampaignForm.PreventionWeek;

    /// <summary>The language its report is written in unless the reader asks for another: zh-CN or en.</summary>
    public string ReportLanguage { get; set; } = CampaignLimits.DefaultReportLanguage;

    /// <summary>How many partner sites took part when not all are listed (联合西部地区9家医院).</summary>
    public int? PartnerSiteCount { get; set; }

    /// <summary>What the partner sites are (hospitals), for the report's words when they are only counted.</summary>
    public OrganisationKind? PartnerSiteKind { get; set; }

    public DateOnly StartDate { get; set; }

    public DateOnly EndDate { get; set; }

    /// <summary>The programme this campaign is an edition or sub-project of, if any.</summary>
    public int? ProgrammeId { get; set; }

    public Programme? Programme { get; set; }

    public List<CampaignOrganiser> Organisers { get; set; } = [];

    public List<CampaignUnit> Units { get; set; } = [];

    public List<CampaignTarget> Targets { get; set; } = [];

    public List<CampaignOutcome> Outcomes { get; set; } = [];

    public List<CampaignRegion> Regions { get; set; } = [];

    public List<CampaignAward> Awards { get; set; } = [];

    public long Version { get; set; }
}
