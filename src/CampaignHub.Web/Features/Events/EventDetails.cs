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

    public string? TitleEn { get; init; }

    public string? NarrativeEn { get; init; }

    public string? SectionGroupEn { get; init; }

    /// <summary>The next stop's host, handed the series at this stop (轮值主席单位).</summary>
    public int? NextHostOrganisationId { get; init; }

    public string? NextHostOrganisationName { get; init; }

    public string? HandoverFrom { get; init; }

    public string? HandoverTo { get; init; }

    public int? ExpertTeamSize { get; init; }
}
