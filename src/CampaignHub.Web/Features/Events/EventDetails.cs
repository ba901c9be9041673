using CampaignHub.Web.Domain;

namespace CampaignHub.Web.Features.Events;

/// <summary>
/// An event as shown and returned by the API: everything about it (the people on its programme with their roles, a
/// roadshow stop's handover), figures by metric code. The API writes the enums as their stable codes
/// (<c>free_clinic</c>, <c>moderator</c>), as it always has.
/// </summary>
public sealed record EventDetails(
    int Id,
    int CampaignId,
    string CampaignName,
    IReadOnlyList<int> UnitIds,
    IReadOnlyList<string> UnitNames,
    string Title,
    EventKind Kind,
    EventChannel Channel,
    OnlinePlatform? Platform,
    string? PlatformDetail,
    DateTime Start,
    DateTime End,
    int? VenueId,
    string? VenueName,
    int? HostOrganisationId,
    string? HostOrganisationName,
    [property: System.Text.Json.Serialization.JsonPropertyName("venue")] string? Location,
    string? SeriesName,
    int? StopNumber,
    string? Narrative,
    EventStatus Status,
    bool Highlight,
    IReadOnlyList<PersonDetails> People,
    IReadOnlyList<PhotoDetails> Photos,
    IReadOnlyDictionary<string, decimal> Figures,
    DateTime UpdatedAt,
    long Version)
{
    public string? SectionGroup { get; init; }

    /// <summary>Where the event can be seen or read about (an article, a video).</summary>
    public string? Link { get; init; }

    public string? TitleEn { get; init; }

    public string? NarrativeEn { get; init; }

    public string? SectionGroupEn { get; init; }

    /// <summary>The next stop's host, handed the series at this stop (轮值主席单位).</summary>
    public int? NextHostOrganisationId { get; init; }

    public string? NextHostOrganisationName { get; init; }

    public string? HandoverFrom { get; init; }

    public string? HandoverTo { get; init; }

    public int? ExpertTeamSize { get; init; }

    /// <summary>The codes of the figures that are estimates, not counts.</summary>
    public IReadOnlyList<string> Estimated { get; init; } = [];

    /// <summary>
    /// After a save: the figures far above the unit's and the campaign's usual (<see cref="CampaignHub.Web.Features.Figures.OutlierRule"/>),
    /// saved as sent; the coordinator is asked to check them and the reviewer sees them flagged. Absent when reading.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<CampaignHub.Web.Features.Figures.FigureWarning>? Warnings { get; init; }
}
