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

    public DateOnly StartDate { get; set; }

    public DateOnly EndDate { get; set; }

    /// <summary>The programme this campaign is an edition or sub-project of, if any.</summary>
    public int? ProgrammeId { get; set; }

    public Programme? Programme { get; set; }

    public List<CampaignOrganiser> Organisers { get; set; } = [];

    public List<CampaignUnit> Units { get; set; } = [];

    public List<CampaignTarget> Targets { get; set; } = [];

    public List<CampaignOutcome> Outcomes { get; set; } = [];

    public long Version { get; set; }
}
