namespace CampaignHub.Web.Domain;

/// <summary>A campaign's target for one metric, e.g. 10,000 members of the public reached.</summary>
public sealed class CampaignTarget : IAudited
{
    public int CampaignId { get; set; }

    public int MetricDefinitionId { get; set; }

    public MetricDefinition? Metric { get; set; }

    public decimal Target { get; set; }
}
