namespace CampaignHub.Web.Domain;

/// <summary>A personal access token for the API. Only its SHA-256 hash is stored; the token is shown once.</summary>
public sealed class ApiToken : ICreated
{
    public int Id { get; set; }

    public required string UserId { get; set; }

    public ApplicationUser? User { get; set; }

    public required string Name { get; set; }

    public required string TokenHash { get; set; }

    /// <summary>The token's first characters, so users can tell their tokens apart.</summary>
    public required string Prefix { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? LastUsedAt { get; set; }

    public DateTime? RevokedAt { get; set; }
}
