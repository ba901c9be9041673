namespace CampaignHub.Web.Features.CalendarFeeds;

/// <summary>One of a user's feeds as the profile page lists it. <see cref="TargetName"/> is null for <c>my_duties</c>.</summary>
public sealed record CalendarFeedSummary(
    int Id, string Name, string Scope, string? TargetName, string Prefix, DateTime CreatedAt, DateTime? LastReadAt, DateTime? RevokedAt)
{
    public bool IsRevoked => RevokedAt is not null;
}

/// <summary>A new feed: <see cref="Token"/> (and so <see cref="Path"/>) is its only appearance in plain text.</summary>
public sealed record CreatedCalendarFeed(CalendarFeedSummary Summary, string Token)
{
    public string Path => CalendarFeedService.PathOf(Token);
}

/// <summary>The choices of the feed form: units and campaigns, by id and name.</summary>
public sealed record CalendarFeedChoices(IReadOnlyList<FeedTargetOption> Units, IReadOnlyList<FeedTargetOption> Campaigns);

public sealed record FeedTargetOption(int Id, string Name, string? NameEn);

/// <summary>A live feed found by its token: what it shows and what its calendar is called.</summary>
public sealed record OpenCalendarFeed(int Id, string UserId, Domain.CalendarFeedScope Scope, int? UnitId, int? CampaignId, string? TargetName);
