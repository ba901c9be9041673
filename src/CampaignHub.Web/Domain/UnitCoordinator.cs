namespace CampaignHub.Web.Domain;

public sealed class UnitCoordinator : IAudited
{
    public int UnitId { get; set; }

    public required string UserId { get; set; }

    public ApplicationUser? User { get; set; }
}
