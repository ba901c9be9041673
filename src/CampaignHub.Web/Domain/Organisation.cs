namespace CampaignHub.Web.Domain;

/// <summary>The association itself or a partner: a hospital (and its campuses), women's federation, foundation, CDC, media.</summary>
public sealed class Organisation : IVersioned, IAudited
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public string? NameEn { get; set; }

    public OrganisationKind Kind { get; set; }

    /// <summary>The hospital a campus belongs to.</summary>
    public int? ParentId { get; set; }

    public Organisation? Parent { get; set; }

    public string? Address { get; set; }

    public List<Venue> Venues { get; set; } = [];

    public long Version { get; set; }
}
