namespace CampaignHub.Web.Features.CalendarFeeds;

/// <summary>
/// A new calendar feed: its scope code (<c>my_duties</c>, <c>committee</c> or <c>campaign</c>), the committee or
/// campaign it follows (only the one the scope needs is read) and an optional name.
/// </summary>
public sealed record CalendarFeedInput(string? Scope, int? CommitteeId = null, int? CampaignId = null, string? Name = null);
