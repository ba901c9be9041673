namespace CampaignHub.Web.Domain;

/// <summary>
/// A record that knows when and by whom it was last written, its creation included. The save path stamps it on every
/// add and change, with the scope's user (null for system work).
/// </summary>
public interface IUpdatedBy
{
    DateTime UpdatedAt { get; set; }

    string? UpdatedById { get; set; }
}
