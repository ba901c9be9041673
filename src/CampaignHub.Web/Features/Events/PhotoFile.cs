namespace CampaignHub.Web.Features.Events;

/// <summary>A stored photo's bytes with the content type proven at upload.</summary>
public sealed record PhotoFile(string FileName, string ContentType, byte[] Content);
