namespace CampaignHub.Web.Domain;

public sealed class CampaignCommittee : IAudited
{
    public int CampaignId { get; set; }

    public int CommitteeId { get; set; }

    public Committee? Committee { get; set; }
}
