namespace CampaignHub.Web.Domain;

public sealed class CampaignOrganiser : IAudited
{
    public int CampaignId { get; set; }

    public int OrganisationId { get; set; }

    public Organisation? Organisation { get; set; }

    public OrganiserRole Role { get; set; } = OrganiserRole.Organiser;

    /// <summary>The order the report names the organisations of one role in.</summary>
    public int SortOrder { get; set; }
}
