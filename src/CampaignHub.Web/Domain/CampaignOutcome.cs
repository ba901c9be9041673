namespace CampaignHub.Web.Domain;

/// <summary>An outcome indicator measured as a rate, e.g. 47.8% quit smoking one month after the service.</summary>
public sealed class CampaignOutcome : IAudited
{
    public int Id { get; set; }

    public int CampaignId { get; set; }

    public required string Name { get; set; }

    public string? NameEn { get; set; }

    /// <summary>Percentage, 0 to 100.</summary>
    public decimal RatePercent { get; set; }

    public string? Note { get; set; }
}
