namespace CampaignHub.Web.Features.Campaigns;

/// <summary>
/// A campaign as an admin or API caller submits it. <see cref="CampaignService"/> validates everything and names
/// each wrong field (<c>endDate</c>, <c>unitIds</c>, <c>programmeId</c>, <c>targets.screened</c>, <c>outcomes[0].ratePercent</c>).
/// </summary>
public sealed class CampaignInput
{
    public string? Name { get; set; }

    public string? NameEn { get; set; }

    public string? Theme { get; set; }

    public string? ThemeEn { get; set; }

    public string? Edition { get; set; }

    public string? EditionEn { get; set; }

    /// <summary>The campaign in its organisers' words, quoted by the report's opening.</summary>
    public string? Description { get; set; }

    public string? DescriptionEn { get; set; }

    /// <summary>The media that reported, e.g. 山西日报、山西电视台, for the report's closing sentence.</summary>
    public string? ReportingMedia { get; set; }

    public string? ReportingMediaEn { get; set; }

    /// <summary>What the campaign sets out to do, completed by the form's lead in the report: 该项目旨在….</summary>
    public string? Aim { get; set; }

    public string? AimEn { get; set; }

    /// <summary>
    /// The form's code (prevention_week, programme_edition, roadshow, project, screening_programme, other), which sets
    /// the report's wording. Null keeps the campaign's (a new one: prevention_week).
    /// </summary>
    public string? Form { get; set; }

    /// <summary>The report's language when the reader asks for none: zh-CN or en. Null keeps the campaign's (a new one: zh-CN).</summary>
    public string? ReportLanguage { get; set; }

    public DateOnly? StartDate { get; set; }

    public DateOnly? EndDate { get; set; }

    /// <summary>The programme the campaign is an edition or sub-project of; none: a campaign of its own.</summary>
    public int? ProgrammeId { get; set; }

    /// <summary>Organising organisations, in the order the report names them.</summary>
    public List<int> OrganiserIds { get; set => field = value ?? []; } = []; // JSON null: none

    /// <summary>Hosting organisations (承办: they carry it out for the organisers), in order. Null leaves them as they are.</summary>
    public List<int>? HostIds { get; set; }

    /// <summary>Co-organising organisations (协办), in order. Null leaves them as they are.</summary>
    public List<int>? CoOrganiserIds { get; set; }

    /// <summary>Partner sites taking part (协作单位: the project's hospitals), in order. Null leaves them as they are.</summary>
    public List<int>? PartnerSiteIds { get; set; }

    /// <summary>How many partner sites took part when not all are listed (9); at least as many as are listed.</summary>
    public int? PartnerSiteCount { get; set; }

    /// <summary>What the partner sites are (an organisation kind code, e.g. hospital), for the report's words when they are only counted.</summary>
    public string? PartnerSiteKind { get; set; }

    /// <summary>The regions the campaign covers, in order (12 provinces). Null leaves them as they are.</summary>
    public List<RegionInput>? Regions { get; set; }

    public List<int> UnitIds { get; set => field = value ?? []; } = []; // JSON null: none

    /// <summary><see cref="UnitIds"/> under its name from before units of other kinds joined the committees; accepted, never written.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public List<int>? CommitteeIds { get => null; set => UnitIds = value ?? UnitIds; }

    /// <summary>Metric code → target. Null leaves the campaign's targets as they are; otherwise they are replaced.</summary>
    public Dictionary<string, decimal>? Targets { get; set; }

    /// <summary>Outcome indicators. Null leaves them as they are; otherwise the list replaces them (matched by id).</summary>
    public List<OutcomeInput>? Outcomes { get; set; }

    /// <summary>Awards given, with their recipients. Null leaves them as they are; otherwise the list replaces them (matched by id).</summary>
    public List<AwardInput>? Awards { get; set; }

    /// <summary>The version the change is based on (the concurrency token); required to update.</summary>
    public long? Version { get; set; }
}

/// <summary>
/// An outcome indicator; without an id it is a new one. Measured (<c>kind</c> measured, the default): a rate
/// (<c>ratePercent</c>, with <c>bound</c> exact, more_than or about) or its <c>numerator</c> and <c>denominator</c>,
/// with <c>sampleSize</c>, <c>method</c> and <c>measuredOn</c>. Computed: <c>numeratorMetric</c> ÷
/// <c>denominatorMetric</c>, two metric codes, summed over the report's period.
/// </summary>
public sealed class OutcomeInput
{
    public int? Id { get; set; }

    public string? Name { get; set; }

    public string? NameEn { get; set; }

    /// <summary>measured (default) or computed.</summary>
    public string? Kind { get; set; }

    public decimal? RatePercent { get; set; }

    /// <summary>exact (default), more_than (超过70%) or about (约50%).</summary>
    public string? Bound { get; set; }

    public decimal? Numerator { get; set; }

    public decimal? Denominator { get; set; }

    public int? SampleSize { get; set; }

    public string? Method { get; set; }

    public string? MethodEn { get; set; }

    public DateOnly? MeasuredOn { get; set; }

    public string? NumeratorMetric { get; set; }

    public string? DenominatorMetric { get; set; }

    public decimal? TargetPercent { get; set; }

    public string? Note { get; set; }
}

/// <summary>A region the campaign covers: 四川省 / Sichuan.</summary>
public sealed class RegionInput
{
    public string? Name { get; set; }

    public string? NameEn { get; set; }
}

/// <summary>An award with its recipients, or only how many received it; without an id it is a new one.</summary>
public sealed class AwardInput
{
    public int? Id { get; set; }

    public string? Name { get; set; }

    public string? NameEn { get; set; }

    /// <summary>The campaign's event at which it was given, optional.</summary>
    public int? EventId { get; set; }

    /// <summary>How many received it when not all are named (7位控烟大使); at least as many as are named.</summary>
    public int? RecipientCount { get; set; }

    public List<RecipientInput> Recipients { get; set => field = value ?? []; } = []; // JSON null: none
}

/// <summary>A recipient: a name and their organisation.</summary>
public sealed class RecipientInput
{
    public string? Name { get; set; }

    public string? NameEn { get; set; }

    public string? Organisation { get; set; }

    public string? OrganisationEn { get; set; }
}
