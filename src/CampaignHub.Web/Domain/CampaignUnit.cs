namespace CampaignHub.Web.Domain;

public sealed class CampaignUnit : IAudited
{
    public int CampaignId { get; set; }

    public int UnitId { get; set; }

    public Unit? Unit { get; set; }
}
