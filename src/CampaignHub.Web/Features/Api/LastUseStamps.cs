using System.Collections.Concurrent;
using CampaignHub.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CampaignHub.Web.Features.Api;

/// <summary>
/// When an API token or a calendar feed was last used, as its owner sees on their account page: written at most once a
/// minute per token, after the request has been answered, and never at its cost. A database busy with a long import
/// makes the stamp late or skipped; it never makes the request wait or fail, as it did when every use wrote inline.
/// </summary>
public sealed class LastUseStamps(IServiceScopeFactory scopes, TimeProvider time, ILogger<LastUseStamps> logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    /// <summary>How long one stamp may wait for the database before it is given up.</summary>
    private static readonly TimeSpan WriteTimeout = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<(string Kind, int Id), DateTime> claimed = new();

    public void ApiTokenUsed(int tokenId, DateTime? stored) =>
        Stamp("api token", tokenId, stored, (db, at) =>
            db.ApiTokens.Where(t => t.Id == tokenId).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, at)));

    public void CalendarFeedRead(int feedId, DateTime? stored) =>
        Stamp("calendar feed", feedId, stored, (db, at) =>
            db.CalendarFeeds.Where(f => f.Id == feedId).ExecuteUpdateAsync(s => s.SetProperty(f => f.LastReadAt, at)));

    private void Stamp(string kind, int id, DateTime? stored, Func<CampaignHubDbContext, DateTime, Task<int>> write)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (stored is { } last && now - last <= Interval || !Claim((kind, id), now))
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                // A scope of its own: the request's scope (and its contexts) may be gone by now.
                await using var scope = scopes.CreateAsyncScope();
                var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<CampaignHubDbContext>>();
                await using var db = await factory.CreateDbContextAsync();
                db.Database.SetCommandTimeout(WriteTimeout);
                await write(db, now);
            }
            catch (Exception ex)
            {
                logger.LogDebug(ex, "The last use of {Kind} {Id} was not recorded", kind, id);
            }
        });
    }

    /// <summary>Only one request a minute per token gets to write: the others see the slot taken.</summary>
    private bool Claim((string Kind, int Id) key, DateTime now)
    {
        while (true)
        {
            if (claimed.TryGetValue(key, out var last))
            {
                if (now - last <= Interval)
                {
                    return false;
                }

                if (claimed.TryUpdate(key, now, last))
                {
                    return true;
                }
            }
            else if (claimed.TryAdd(key, now))
            {
                return true;
            }
        }
    }
}
