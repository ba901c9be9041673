namespace CampaignHub.Web.Domain;

/// <summary>
/// A domain record whose every create, update and delete goes to the audit trail with the user, the time and the old
/// and new values. The save path writes the entries (Data/AuditTrail); a record type opts in here, on the type, so
/// a new one is audited by being declared so, not by a list kept elsewhere. Properties that must never be copied into
/// the trail carry <see cref="NotAuditedAttribute"/>; a record's <see cref="IVersioned.Version"/> is never copied.
/// </summary>
public interface IAudited;
