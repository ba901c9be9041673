using System.Collections.Concurrent;

namespace CampaignHub.Web.Features.Users;

/// <summary>
/// The signal that an admin changed someone's role or locked them, so their sessions end now rather than at the next
/// security-stamp check (within a minute, which also covers other app instances on the same database). The user's
/// sign-in cookies issued before the change are checked at their next request, and their open Blazor circuits
/// re-check at once (<c>IdentityRevalidatingAuthenticationStateProvider</c>). The check itself is always the
/// database's security stamp: the signal only says when to look.
/// </summary>
public sealed class SessionRevocations(TimeProvider time)
{
    /// <summary>Longer than the periodic check: by then every session has been checked against the database anyway.</summary>
    private static readonly TimeSpan Remembered = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, DateTimeOffset> revoked = new(StringComparer.Ordinal);

    /// <summary>Raised with the user's id; handlers run on the admin's thread, so they only start their own check.</summary>
    public event Action<string>? Revoked;

    public void Revoke(string userId)
    {
        var now = time.GetUtcNow();
        revoked[userId] = now;
        foreach (var (id, at) in revoked)
        {
            if (now - at > Remembered)
            {
                revoked.TryRemove(id, out _);
            }
        }

        Revoked?.Invoke(userId);
    }

    /// <summary>Whether the user's sessions were revoked after a sign-in (or last check) at <paramref name="issued"/>.</summary>
    public bool RevokedSince(string userId, DateTimeOffset? issued) =>
        revoked.TryGetValue(userId, out var at) && (issued is null || at >= issued.Value);
}
