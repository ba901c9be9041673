namespace CampaignHub.Web.Features.Users;

/// <summary>Outcome of creating a user. <see cref="GeneratedPassword"/> is set only when none was given.</summary>
public sealed record CreateUserResult(string? UserId, string? GeneratedPassword, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static CreateUserResult Failed(params string[] errors) => new(null, null, errors);
}
