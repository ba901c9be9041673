namespace CampaignHub.Web.Features.Committees;

/// <summary>A committee with its coordinators, as shown and returned by the API.</summary>
public sealed record CommitteeDetails(
    int Id,
    string Name,
    string? NameEn,
    IReadOnlyList<string> CoordinatorEmails,
    IReadOnlyList<CoordinatorDetails> Coordinators,
    long Version);

/// <summary>A user who can coordinate committees.</summary>
public sealed record CoordinatorDetails(string UserId, string Email, string? DisplayName)
{
    public string Label => string.IsNullOrWhiteSpace(DisplayName) ? Email : $"{DisplayName} ({Email})";
}
