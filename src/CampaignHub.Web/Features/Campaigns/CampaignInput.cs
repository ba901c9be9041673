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

    public DateOnly? StartDate { get; set; }

    public DateOnly? EndDate { get; set; }

    /// <summary>The programme the campaign is an edition or sub-project of; none: a campaign of its own.</summary>
    public int? ProgrammeId { get; set; }

    /// <summary>Organising organisations, in the order the report names them.</summary>
    public List<int> OrganiserIds { get; set => field = value ?? []; } = []; // JSON null: none

    public List<int> UnitIds { get; set => field = value ?? []; } = []; // JSON null: none

    /// <summary><see cref="UnitIds"/> under its name from before units of other kinds joined the committees; accepted, never written.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public List<int>? CommitteeIds { get => null; set => UnitIds = value ?? UnitIds; }

    /// <summary>Metric code → target. Null leaves the campaign's targets as they are; otherwise they are replaced.</summary>
    public Dictionary<string, decimal>? Targets { get; set; }

    /// <summary>Outcome rates. Null leaves them as they are; otherwise the list replaces them (matched by id).</summary>
    public List<OutcomeInput>? Outcomes { get; set; }

    /// <summary>The version the change is based on (the concurrency token); required to update.</summary>
    public long? Version { get; set; }
}

/// <summary>An outcome rate, e.g. 47.8% quit after one month. Without an id it is a new one.</summary>
public sealed class OutcomeInput
{
    public int? Id { get; set; }

    public string? Name { get; set; }

    public string? NameEn { get; set; }

    public decimal? RatePercent { get; set; }

    public string? Note { get; set; }
}
