namespace CampaignHub.Web.Domain;

public sealed class CampaignOrganiser : IAudited
{
    public int CampaignId { get; set; }

    public int OrganisationId { get; set; }

    public Organisation? Organisation { get; set; }

    public int SortOrder { get; set; }
}
