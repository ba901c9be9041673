namespace CampaignHub.Web.Domain;

/// <summary>A committee running an event; a joint event has several and is credited to each.</summary>
public sealed class EventCommittee : IAudited
{
    public int EventId { get; set; }

    public int CommitteeId { get; set; }

    public Committee? Committee { get; set; }
}
