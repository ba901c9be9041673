using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Api;
using CampaignHub.Web.Features.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampaignHub.Web.Features.CalendarFeeds;

/// <summary>
/// Calendar subscriptions at secret URLs (<c>/calendar/{token}.ics</c>): a user's duties, a unit's or a
/// campaign's events. Schedules are readable by every signed-in user, so anyone may subscribe to any unit or
/// campaign. Like API tokens, the token is shown once and only its SHA-256 hash is stored.
/// </summary>
public sealed class CalendarFeedService(
    IDbContextFactory<CampaignHubDbContext> dbFactory,
    TimeProvider time,
    IStringLocalizer<SharedResource> localizer,
    LastUseStamps stamps)
{
    public const string TokenPrefix = "cal_";
    public const int NameMaxLength = 100;

    // 32 random bytes in base64url without padding: 43 characters.
    private const int TokenLength = 4 + 43;

    private static readonly SearchValues<char> Base64UrlAlphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    public static string PathOf(string token) => $"/calendar/{token}.ics";

    public async Task<CreatedCalendarFeed> CreateAsync(string userId, CalendarFeedInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var errors = new ValidationErrors();
        int? unitId = null, campaignId = null;
        string? targetName = null;
        if (!Codes<CalendarFeedScope>.TryParse(input.Scope, out var scope))
        {
            errors.Add("scope", string.Format(localizer["CalendarFeeds_Error_UnknownScope"], input.Scope,
                string.Join(", ", Codes<CalendarFeedScope>.All)));
        }
        else if (scope == CalendarFeedScope.Unit)
        {
            unitId = input.UnitId;
            targetName = unitId is { } id
                ? await db.Units.Where(c => c.Id == id).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken)
                : null;
            if (unitId is null)
            {
                errors.Add("unitId", localizer["CalendarFeeds_Error_UnitRequired"]);
            }
            else if (targetName is null)
            {
                errors.Add("unitId", string.Format(localizer["Event_Error_UnknownUnit"], unitId));
            }
        }
        else if (scope == CalendarFeedScope.Campaign)
        {
            campaignId = input.CampaignId;
            targetName = campaignId is { } id
                ? await db.Campaigns.Where(c => c.Id == id).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken)
                : null;
            if (campaignId is null)
            {
                errors.Add("campaignId", localizer["CalendarFeeds_Error_CampaignRequired"]);
            }
            else if (targetName is null)
            {
                errors.Add("campaignId", string.Format(localizer["Event_Error_UnknownCampaign"], campaignId));
            }
        }

        var name = input.Name?.Trim();
        if (name?.Length > NameMaxLength)
        {
            errors.Add("name", string.Format(localizer["Error_TooLong"], NameMaxLength));
        }

        errors.ThrowIfAny();
        var token = TokenPrefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var entity = new CalendarFeed
        {
            UserId = userId,
            Scope = scope,
            UnitId = unitId,
            CampaignId = campaignId,
            Name = string.IsNullOrEmpty(name) ? targetName ?? localizer["CalendarFeeds_MyDuties"] : name,
            TokenHash = ApiTokenService.Hash(token),
            Prefix = token[..(TokenPrefix.Length + 6)],
        };
        db.CalendarFeeds.Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedCalendarFeed(
            new CalendarFeedSummary(entity.Id, entity.Name, Codes<CalendarFeedScope>.Of(scope), targetName, entity.Prefix, entity.CreatedAt, null, null),
            token);
    }

    public async Task<IReadOnlyList<CalendarFeedSummary>> ListAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var feeds = await db.CalendarFeeds.AsNoTracking()
            .Where(f => f.UserId == userId)
            .OrderByDescending(f => f.CreatedAt).ThenByDescending(f => f.Id)
            .Select(f => new
            {
                f.Id, f.Name, f.Scope, f.Prefix, f.CreatedAt, f.LastReadAt, f.RevokedAt,
                Target = f.Unit != null ? f.Unit.Name : f.Campaign != null ? f.Campaign.Name : null,
            })
            .ToListAsync(cancellationToken);
        return feeds.Select(f => new CalendarFeedSummary(f.Id, f.Name, Codes<CalendarFeedScope>.Of(f.Scope), f.Target, f.Prefix,
            f.CreatedAt, f.LastReadAt, f.RevokedAt)).ToList();
    }

    /// <summary>Revokes one of the user's own feeds; false when it is not theirs or does not exist.</summary>
    public async Task<bool> RevokeAsync(string userId, int feedId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var feed = await db.CalendarFeeds.FirstOrDefaultAsync(f => f.Id == feedId && f.UserId == userId, cancellationToken);
        if (feed is null)
        {
            return false;
        }

        feed.RevokedAt ??= time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>What the unit and campaign selects of the feed form offer.</summary>
    public async Task<CalendarFeedChoices> GetChoicesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var units = await db.Units.AsNoTracking().OrderBy(c => c.Id)
            .Select(c => new FeedTargetOption(c.Id, c.Name, c.NameEn)).ToListAsync(cancellationToken);
        var campaigns = await db.Campaigns.AsNoTracking().OrderByDescending(c => c.StartDate).ThenBy(c => c.Name)
            .Select(c => new FeedTargetOption(c.Id, c.Name, c.NameEn)).ToListAsync(cancellationToken);
        return new CalendarFeedChoices(units, campaigns);
    }

    /// <summary>
    /// The live feed a token opens, or null for a malformed, unknown or revoked token, or one whose owner an admin
    /// locked (as their API tokens stop working; wrong passwords typed by someone else do not stop it). Records when
    /// it was last read, at most once a minute.
    /// </summary>
    public async Task<OpenCalendarFeed?> OpenAsync(string token, CancellationToken cancellationToken = default)
    {
        if (!IsWellFormed(token))
        {
            return null;
        }

        var hash = ApiTokenService.Hash(token);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var feed = await db.CalendarFeeds.AsNoTracking()
            .Where(f => f.TokenHash == hash && f.RevokedAt == null)
            .Select(f => new
            {
                f.Id, f.UserId, f.Scope, f.UnitId, f.CampaignId, f.LastReadAt, f.User!.LockoutEnd,
                Target = f.Unit != null ? f.Unit.Name : f.Campaign != null ? f.Campaign.Name : null,
            })
            .FirstOrDefaultAsync(cancellationToken);
        var now = time.GetUtcNow();
        if (feed is null || ApplicationUser.IsLockedByAdmin(feed.LockoutEnd))
        {
            return null;
        }

        // Best effort, after the answer: a feed read never waits for (or fails on) a busy database.
        stamps.CalendarFeedRead(feed.Id, feed.LastReadAt);

        return new OpenCalendarFeed(feed.Id, feed.UserId, feed.Scope, feed.UnitId, feed.CampaignId, feed.Target);
    }

    private static bool IsWellFormed(string token) =>
        token.Length == TokenLength
        && token.StartsWith(TokenPrefix, StringComparison.Ordinal)
        && !token.AsSpan(TokenPrefix.Length).ContainsAnyExcept(Base64UrlAlphabet);
}
