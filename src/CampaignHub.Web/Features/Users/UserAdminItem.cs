namespace CampaignHub.Web.Features.Users;

/// <summary>A user as the admin's user page lists them: role, lock state and, for coordinators, their units.</summary>
public sealed record UserAdminItem(
    string Id,
    string Email,
    string? DisplayName,
    string? Role,
    DateTimeOffset? LockedOutUntil,
    bool TwoFactorEnabled,
    IReadOnlyList<int> UnitIds,
    IReadOnlyList<string> UnitNames)
{
    public bool IsLockedOut => LockedOutUntil is not null;
}

/// <summary>A new account as the admin fills it in; the password is generated and shown once.</summary>
public sealed class NewUserInput
{
    public string? Email { get; set; }

    public string? DisplayName { get; set; }

    public string? Role { get; set; }

    /// <summary>Units a new coordinator coordinates.</summary>
    public List<int> UnitIds { get; set => field = value ?? []; } = []; // JSON null: none
}

/// <summary>A created account; <see cref="GeneratedPassword"/> is its only appearance in plain text.</summary>
public sealed record CreatedUser(string UserId, string Email, string GeneratedPassword);
