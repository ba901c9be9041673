namespace CampaignHub.Web.Features.Api;

public sealed record ApiTokenSummary(int Id, string Name, string Prefix, DateTime CreatedAt, DateTime? LastUsedAt, DateTime? RevokedAt)
{
    public bool IsRevoked => RevokedAt is not null;
}

/// <summary>A new token: <see cref="Token"/> is its only appearance in plain text.</summary>
public sealed record CreatedApiToken(ApiTokenSummary Summary, string Token);
