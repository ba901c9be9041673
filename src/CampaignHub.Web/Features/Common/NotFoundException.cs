namespace CampaignHub.Web.Features.Common;

/// <summary>The record does not exist (404). The message is in the user's language.</summary>
public sealed class NotFoundException(string message) : Exception(message);
