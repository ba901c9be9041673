namespace CampaignHub.Web.Domain;

/// <summary>
/// A calendar subscription at a secret URL (<c>/calendar/{token}.ics</c>) that calendar apps read without signing
/// in. Like API tokens, only the token's SHA-256 hash is stored: the URL is shown once, when it is created.
/// </summary>
public sealed class CalendarFeed : ICreated
{
    public int Id { get; set; }

    /// <summary>Who created it; a <see cref="CalendarFeedScope.MyDuties"/> feed lists this user's duties.</summary>
    public required string UserId { get; set; }

    public ApplicationUser? User { get; set; }

    public CalendarFeedScope Scope { get; set; }

    public int? UnitId { get; set; }

    public Unit? Unit { get; set; }

    public int? CampaignId { get; set; }

    public Campaign? Campaign { get; set; }

    public required string Name { get; set; }

    public required string TokenHash { get; set; }

    /// <summary>The token's first characters, so users can tell their feeds apart.</summary>
    public required string Prefix { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? LastReadAt { get; set; }

    public DateTime? RevokedAt { get; set; }
}
