namespace CampaignHub.Web.Domain;

public sealed class EventSpeaker : IAudited
{
    public int Id { get; set; }

    public int EventId { get; set; }

    public required string Name { get; set; }

    public string? Affiliation { get; set; }

    public string? TalkTitle { get; set; }

    public int SortOrder { get; set; }
}
