namespace CampaignHub.Web.Domain;

public sealed class CommitteeCoordinator
{
    public int CommitteeId { get; set; }

    public required string UserId { get; set; }

    public ApplicationUser? User { get; set; }
}
