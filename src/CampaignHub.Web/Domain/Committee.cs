namespace CampaignHub.Web.Domain;

/// <summary>A specialist committee (专委会) of the association; its coordinators log its events.</summary>
public sealed class Committee : IVersioned, IAudited
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public string? NameEn { get; set; }

    public List<CommitteeCoordinator> Coordinators { get; set; } = [];

    public long Version { get; set; }
}
