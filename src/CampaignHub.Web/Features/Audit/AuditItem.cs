namespace CampaignHub.Web.Features.Audit;

/// <summary>One audited change; <see cref="At"/> is the association's local time.</summary>
public sealed record AuditItem(
    long Id,
    DateTime At,
    string? UserEmail,
    string EntityType,
    string EntityId,
    string Action,
    int? CampaignId,
    IReadOnlyList<AuditChange> Changes);

/// <summary>A property's value before and after the change, as text; null when there was none.</summary>
public sealed record AuditChange(string Property, string? Old, string? New);
