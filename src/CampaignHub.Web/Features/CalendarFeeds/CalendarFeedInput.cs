namespace CampaignHub.Web.Features.CalendarFeeds;

/// <summary>
/// A new calendar feed: its scope code (<c>my_duties</c>, <c>unit</c> or <c>campaign</c>), the unit or
/// campaign it follows (only the one the scope needs is read) and an optional name.
/// </summary>
public sealed record CalendarFeedInput(string? Scope, int? UnitId = null, int? CampaignId = null, string? Name = null);
