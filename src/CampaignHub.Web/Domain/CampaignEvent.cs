namespace CampaignHub.Web.Domain;

/// <summary>
/// Something a unit (or several, for a joint event) runs within a campaign: a free clinic, a lecture, a
/// broadcast... Times are the association's local wall-clock time (Association:TimeZone).
/// </summary>
public sealed class CampaignEvent : IVersioned, IAudited, ICreatedBy, IUpdatedBy
{
    public int Id { get; set; }

    public int CampaignId { get; set; }

    public Campaign? Campaign { get; set; }

    public required string Title { get; set; }

    public string? TitleEn { get; set; }

    public EventKind Kind { get; set; }

    public EventChannel Channel { get; set; }

    public OnlinePlatform? Platform { get; set; }

    /// <summary>The platform's own name when it matters, e.g. 医典通.</summary>
    public string? PlatformDetail { get; set; }

    public DateTime StartsAt { get; set; }

    public DateTime EndsAt { get; set; }

    public int? VenueId { get; set; }

    public Venue? Venue { get; set; }

    public int? HostOrganisationId { get; set; }

    public Organisation? HostOrganisation { get; set; }

    /// <summary>Where, in words, when no registered venue fits (a community square, a ward).</summary>
    public string? Location { get; set; }

    /// <summary>Roadshow series and stop number, e.g. 县域肿瘤防治中心规范化巡讲, stop 1.</summary>
    public string? SeriesName { get; set; }

    public int? StopNumber { get; set; }

    /// <summary>The next stop's host, handed the series at this stop (轮值主席单位).</summary>
    public int? NextHostOrganisationId { get; set; }

    public Organisation? NextHostOrganisation { get; set; }

    /// <summary>Who handed over, as the report names them: 庄河市中心医院温准院长.</summary>
    public string? HandoverFrom { get; set; }

    /// <summary>Who took over for the next host: 副院长王国勇.</summary>
    public string? HandoverTo { get; set; }

    /// <summary>How many experts the visiting team has, when the programme does not name them all (10名专家).</summary>
    public int? ExpertTeamSize { get; set; }

    /// <summary>
    /// Where the event can be seen or read about: the WeChat article, the broadcast's video, the outlet's report
    /// (the unit's activity summary lists it beside the media item). An absolute http or https address.
    /// </summary>
    public string? Link { get; set; }

    /// <summary>The paragraph the summary report quotes for this event.</summary>
    public string? Narrative { get; set; }

    public string? NarrativeEn { get; set; }

    /// <summary>The summary report's section this event is told in, e.g. 启动仪式 or 4.15系列活动; none: a section of its own.</summary>
    public string? SectionGroup { get; set; }

    /// <summary>The section group's heading in an English report, e.g. Launch ceremony; none: the Chinese one is shown, marked untranslated.</summary>
    public string? SectionGroupEn { get; set; }

    public EventStatus Status { get; set; } = EventStatus.Planned;

    /// <summary>Gets its own numbered section in the summary report.</summary>
    public bool Highlight { get; set; }

    public List<EventUnit> Units { get; set; } = [];

    /// <summary>The people on the programme, in order: speakers, moderators, the expert team (<see cref="ProgrammeRole"/>).</summary>
    public List<EventSpeaker> Speakers { get; set; } = [];

    public List<EventPhoto> Photos { get; set; } = [];

    public List<MetricValue> Figures { get; set; } = [];

    public List<DutyAssignment> Duties { get; set; } = [];

    public DateTime CreatedAt { get; set; }

    public string? CreatedById { get; set; }

    public DateTime UpdatedAt { get; set; }

    public string? UpdatedById { get; set; }

    public long Version { get; set; }

    /// <summary>
    /// iCalendar SEQUENCE: grows whenever the event or its duty roster changes, so subscribed calendars replace
    /// their copy. Not a concurrency token: assigning a nurse must not make a coordinator's edit conflict.
    /// </summary>
    [NotAudited]
    public int CalendarSequence { get; set; }
}
