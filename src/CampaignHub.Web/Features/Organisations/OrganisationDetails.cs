using CampaignHub.Web.Domain;

namespace CampaignHub.Web.Features.Organisations;

public sealed record OrganisationDetails(
    int Id,
    string Name,
    string? NameEn,
    OrganisationKind Kind,
    int? ParentId,
    string? ParentName,
    string? Address,
    IReadOnlyList<VenueDetails> Venues,
    long Version);

public sealed record VenueDetails(int Id, string Name, string? NameEn, string? Address);
