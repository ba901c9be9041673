namespace CampaignHub.Web.Features.Events;

public sealed record SpeakerDetails(string Name, string? Affiliation, string? TalkTitle);
