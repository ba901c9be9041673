namespace CampaignHub.Web.Features.Events;

/// <summary>
/// What a user or API caller submits for an event. Codes (kind, channel, platform, status) are the stable codes of
/// PRODUCT.md; <see cref="EventService"/> validates everything and names each wrong field.
/// </summary>
public sealed class EventInput
{
    public int CampaignId { get; set; }

    public List<int> UnitIds { get; set => field = value ?? []; } = []; // JSON null: none

    /// <summary><see cref="UnitIds"/> under its name from before units of other kinds joined the committees; accepted, never written.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public List<int>? CommitteeIds { get => null; set => UnitIds = value ?? UnitIds; }

    public string? Title { get; set; }

    public string? Kind { get; set; }

    public string? Channel { get; set; }

    public string? Platform { get; set; }

    public string? PlatformDetail { get; set; }

    public DateTime? Start { get; set; }

    public DateTime? End { get; set; }

    public int? VenueId { get; set; }

    public int? HostOrganisationId { get; set; }

    /// <summary>Where, in words (a community square, a ward); <c>venue</c> in the API.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("venue")]
    public string? Location { get; set; }

    public string? SeriesName { get; set; }

    public int? StopNumber { get; set; }

    /// <summary>The next stop's host organisation, handed the series at this stop (轮值主席单位).</summary>
    public int? NextHostOrganisationId { get; set; }

    /// <summary>Who handed over, as the report names them (庄河市中心医院温准院长).</summary>
    public string? HandoverFrom { get; set; }

    /// <summary>Who took over for the next host (副院长王国勇).</summary>
    public string? HandoverTo { get; set; }

    /// <summary>The visiting expert team's size when the programme does not name every member (10名专家).</summary>
    public int? ExpertTeamSize { get; set; }

    public string? Narrative { get; set; }

    /// <summary>Where the event can be seen or read about (an article, a video); an absolute http or https address.</summary>
    public string? Link { get; set; }

    /// <summary>The summary report's section the event is told in (启动仪式, 4.15系列活动); none: its own.</summary>
    public string? SectionGroup { get; set; }

    /// <summary>The title for the English report; none: the report shows the Chinese one and lists it for a translator.</summary>
    public string? TitleEn { get; set; }

    public string? NarrativeEn { get; set; }

    /// <summary>The section group's heading for the English report (Launch ceremony); none: the Chinese one, marked untranslated.</summary>
    public string? SectionGroupEn { get; set; }

    public string? Status { get; set; }

    public bool Highlight { get; set; }

    /// <summary>The people on the programme, in order: talks, speeches, moderators, discussants, the expert team.</summary>
    public List<PersonInput> People
    {
        get;
        set
        {
            field = value ?? []; // JSON null: none
            PeopleField = "people";
        }
    } = [];

    /// <summary>
    /// <see cref="People"/> under its name from before the programme had roles (each a talk unless it says otherwise);
    /// accepted, never written. Errors then name <c>speakers</c>, as the caller does.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public List<PersonInput>? Speakers
    {
        get => null;
        set
        {
            People = value ?? People;
            PeopleField = "speakers";
        }
    }

    /// <summary>The API field the people came in (the last one given): <c>people</c>, or <c>speakers</c> from an older caller.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string PeopleField { get; private set; } = "people";

    /// <summary>Metric code → value. Null leaves the event's figures as they are; otherwise they are replaced.</summary>
    public Dictionary<string, decimal>? Figures { get; set; }

    /// <summary>
    /// The codes of the figures that are estimates, not counts (<c>["public_benefited"]</c>); each must be among
    /// <see cref="Figures"/>. Null keeps each figure's mark as it was (a new figure is counted).
    /// </summary>
    public List<string>? Estimated { get; set; }

    /// <summary>The version the change is based on (the concurrency token); required to update.</summary>
    public long? Version { get; set; }
}
