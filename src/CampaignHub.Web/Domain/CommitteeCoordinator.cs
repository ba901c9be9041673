namespace CampaignHub.Web.Domain;

public sealed class CommitteeCoordinator : IAudited
{
    public int CommitteeId { get; set; }

    public required string UserId { get; set; }

    public ApplicationUser? User { get; set; }
}
