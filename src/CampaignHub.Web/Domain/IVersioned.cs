namespace CampaignHub.Web.Domain;

/// <summary>
/// An editable record with a concurrency token. The save path bumps <see cref="Version"/> on every update and EF
/// checks the old value, so a save based on stale data fails instead of overwriting someone else's change. The
/// version is bookkeeping: the audit trail leaves it out.
/// </summary>
public interface IVersioned
{
    long Version { get; set; }
}
