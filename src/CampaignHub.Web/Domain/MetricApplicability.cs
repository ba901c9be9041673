namespace CampaignHub.Web.Domain;

/// <summary>
/// A metric that fits events of one kind (a free clinic's patients who benefited, a broadcast's radio reach): the
/// event form offers these first and keeps the rest one tap away. Admins edit them with the catalogue.
/// </summary>
public sealed class MetricApplicability : IAudited
{
    public int MetricDefinitionId { get; set; }

    public EventKind Kind { get; set; }
}
