namespace CampaignHub.Web.Features.Users;

public sealed record UserSummary(
    string Id,
    string Email,
    string? DisplayName,
    IReadOnlyList<string> Roles,
    bool TwoFactorEnabled,
    DateTimeOffset? LockedOutUntil);
