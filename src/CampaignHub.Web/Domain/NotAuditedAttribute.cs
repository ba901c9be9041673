namespace CampaignHub.Web.Domain;

/// <summary>
/// A property of an <see cref="IAudited"/> record that the audit trail leaves out: file bytes and snapshots (too large,
/// and kept whole in their own row) and bookkeeping nobody edits.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NotAuditedAttribute : Attribute;
