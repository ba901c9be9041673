namespace CampaignHub.Web.Domain;

/// <summary>
/// An editable record with a concurrency token. The context bumps <see cref="Version"/> on every update and EF
/// checks the old value, so a save based on stale data fails instead of overwriting someone else's change.
/// </summary>
public interface IVersioned
{
    long Version { get; set; }
}
