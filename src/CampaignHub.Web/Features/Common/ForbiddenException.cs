namespace CampaignHub.Web.Features.Common;

/// <summary>The user may not do this (403). The message is in the user's language.</summary>
public sealed class ForbiddenException(string message) : Exception(message);
