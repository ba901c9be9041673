namespace CampaignHub.Web.Domain;

/// <summary>
/// A record that knows when it was created. The save path stamps it from the app's clock when the record is added;
/// no service sets it.
/// </summary>
public interface ICreated
{
    DateTime CreatedAt { get; set; }
}
