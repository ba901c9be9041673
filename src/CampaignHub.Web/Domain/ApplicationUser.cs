using Microsoft.AspNetCore.Identity;

namespace CampaignHub.Web.Domain;

/// <summary>A person who signs in: association admin, unit coordinator or hospital staff.</summary>
public sealed class ApplicationUser : IdentityUser
{
    /// <summary>Name shown in the app bar, rosters and reports; falls back to the e-mail when empty.</summary>
    [PersonalData]
    public string? DisplayName { get; set; }

    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;

    /// <summary>
    /// The language the person last chose in the app (zh-CN or en; null: zh-CN): their e-mails are written in it.
    /// </summary>
    public string? Language { get; set; }

    /// <summary>
    /// The lockout end an admin's lock sets: none. Identity keeps both kinds of lock in one column; a lockout after
    /// failed sign-ins ends after minutes, so anything in the last year of the calendar is an admin's.
    /// </summary>
    public static readonly DateTimeOffset LockedByAdminUntil = DateTimeOffset.MaxValue;

    /// <summary>
    /// An admin locked the account: nothing of it works (sign-in, sessions, API tokens, calendar feeds). A lockout
    /// after wrong passwords is not this: it only pauses password sign-in, so anyone who knows an e-mail address
    /// cannot cut its owner off their tokens and feeds.
    /// </summary>
    public static bool IsLockedByAdmin(DateTimeOffset? lockoutEnd) => lockoutEnd > LockedByAdminUntil.AddYears(-1);
}
