namespace CampaignHub.Web.Domain;

public sealed class CampaignCommittee
{
    public int CampaignId { get; set; }

    public int CommitteeId { get; set; }

    public Committee? Committee { get; set; }
}
