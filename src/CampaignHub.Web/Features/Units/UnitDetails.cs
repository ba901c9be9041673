using CampaignHub.Web.Domain;

namespace CampaignHub.Web.Features.Units;

/// <summary>A unit with its coordinators, as shown and returned by the API.</summary>
public sealed record UnitDetails(
    int Id,
    string Name,
    string? NameEn,
    UnitKind Kind,
    int? OrganisationId,
    string? OrganisationName,
    IReadOnlyList<string> CoordinatorEmails,
    IReadOnlyList<CoordinatorDetails> Coordinators,
    long Version);

/// <summary>A user who can coordinate units.</summary>
public sealed record CoordinatorDetails(string UserId, string Email, string? DisplayName)
{
    public string Label => string.IsNullOrWhiteSpace(DisplayName) ? Email : $"{DisplayName} ({Email})";
}
