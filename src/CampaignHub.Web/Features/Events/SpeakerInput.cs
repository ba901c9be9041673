namespace CampaignHub.Web.Features.Events;

public sealed class SpeakerInput
{
    public string? Name { get; set; }

    public string? Affiliation { get; set; }

    public string? TalkTitle { get; set; }
}
