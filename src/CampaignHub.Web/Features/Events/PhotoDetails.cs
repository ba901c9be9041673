namespace CampaignHub.Web.Features.Events;

public sealed record PhotoDetails(int Id, string FileName, int Length, string? Caption);
