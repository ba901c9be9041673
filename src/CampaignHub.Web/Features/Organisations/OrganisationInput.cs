namespace CampaignHub.Web.Features.Organisations;

/// <summary>An organisation with its venues as an admin submits it; the venue list replaces the existing one.</summary>
public sealed class OrganisationInput
{
    public string? Name { get; set; }

    public string? NameEn { get; set; }

    /// <summary>A code of <see cref="Domain.OrganisationKind"/>, e.g. <c>hospital</c> or <c>womens_federation</c>.</summary>
    public string? Kind { get; set; }

    public int? ParentId { get; set; }

    public string? Address { get; set; }

    public List<VenueInput> Venues { get; set => field = value ?? []; } = []; // JSON null: none

    /// <summary>The version the change is based on (the concurrency token); required to update.</summary>
    public long? Version { get; set; }
}

/// <summary>A venue of the organisation; without an id it is a new one.</summary>
public sealed class VenueInput
{
    public int? Id { get; set; }

    public string? Name { get; set; }

    /// <summary>The venue's English name, used by English reports; without it they show the Chinese name.</summary>
    public string? NameEn { get; set; }

    public string? Address { get; set; }
}
