namespace CampaignHub.Web.Domain;

/// <summary>A region a campaign covers: a province (四川省), a city (湘潭市) or a district, in the order the report names them.</summary>
public sealed class CampaignRegion : IAudited
{
    public int Id { get; set; }

    public int CampaignId { get; set; }

    public required string Name { get; set; }

    public string? NameEn { get; set; }

    public int SortOrder { get; set; }
}
