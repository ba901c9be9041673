using System.Security.Cryptography;
using System.Text;
using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CampaignHub.Web.Features.Api;

/// <summary>
/// Personal access tokens for the API. A token is shown once when created; only its SHA-256 hash is stored, so a
/// copy of the database gives nobody access.
/// </summary>
public sealed class ApiTokenService(IDbContextFactory<CampaignHubDbContext> dbFactory, TimeProvider time, LastUseStamps stamps)
{
    public const string TokenPrefix = "chub_";
    public const int NameMaxLength = 100;

    public async Task<CreatedApiToken> CreateAsync(string userId, string? name, CancellationToken cancellationToken = default)
    {
        var token = TokenPrefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var clean = string.IsNullOrWhiteSpace(name) ? "API" : name.Trim();
        if (clean.Length > NameMaxLength)
        {
            clean = clean[..NameMaxLength];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entity = new ApiToken
        {
            UserId = userId,
            Name = clean,
            TokenHash = Hash(token),
            Prefix = token[..(TokenPrefix.Length + 6)],
        };
        db.ApiTokens.Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedApiToken(ToSummary(entity), token);
    }

    public async Task<IReadOnlyList<ApiTokenSummary>> ListAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var tokens = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId)
            .OrderByDescending(t => t.CreatedAt).ToListAsync(cancellationToken);
        return tokens.Select(ToSummary).ToList();
    }

    /// <summary>Revokes one of the user's own tokens; false when it is not theirs or does not exist.</summary>
    public async Task<bool> RevokeAsync(string userId, int tokenId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId, cancellationToken);
        if (token is null)
        {
            return false;
        }

        token.RevokedAt ??= time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// The user a live token belongs to, or null. Only reads: when it was last used is recorded by
    /// <see cref="LastUseStamps"/>, at most once a minute and never at the request's cost.
    /// </summary>
    public async Task<string?> FindUserIdAsync(string token, CancellationToken cancellationToken = default)
    {
        if (!token.StartsWith(TokenPrefix, StringComparison.Ordinal) || token.Length > 100)
        {
            return null;
        }

        var hash = Hash(token);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entity = await db.ApiTokens.AsNoTracking().Where(t => t.TokenHash == hash && t.RevokedAt == null)
            .Select(t => new { t.Id, t.UserId, t.LastUsedAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (entity is null)
        {
            return null;
        }

        stamps.ApiTokenUsed(entity.Id, entity.LastUsedAt);
        return entity.UserId;
    }

    private static ApiTokenSummary ToSummary(ApiToken t) => new(t.Id, t.Name, t.Prefix, t.CreatedAt, t.LastUsedAt, t.RevokedAt);

    internal static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
