namespace CampaignHub.Web.Domain;

/// <summary>A place at a partner where events are held (a hall, a clinic floor, a community centre).</summary>
public sealed class Venue : IAudited
{
    public int Id { get; set; }

    public int OrganisationId { get; set; }

    public Organisation? Organisation { get; set; }

    public required string Name { get; set; }

    public string? NameEn { get; set; }

    public string? Address { get; set; }
}
