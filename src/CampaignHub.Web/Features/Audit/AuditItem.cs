namespace CampaignHub.Web.Features.Audit;

/// <summary>
/// One audited change as people read it: when (the association's time), who (name and e-mail), which record (its
/// kind and name, the campaign it belongs to) and each field's old and new value, all in the user's language.
/// </summary>
public sealed record AuditItem(
    long Id,
    DateTime At,
    string? UserName,
    string? UserEmail,
    string EntityType,
    string EntityName,
    string EntityId,
    string? RecordName,
    AuditAction Action,
    int? CampaignId,
    string? CampaignName,
    IReadOnlyList<AuditChange> Changes);

/// <summary>A field's value before and after the change, formatted for people; null when there was none.</summary>
/// <param name="Property">The stored property name (stable, for tests and scripts).</param>
/// <param name="Label">The field's name in the user's language.</param>
public sealed record AuditChange(string Property, string Label, string? Old, string? New);

/// <summary>What happened to the record; stored as its code (create, update, delete).</summary>
public enum AuditAction
{
    Create,
    Update,
    Delete,
}

/// <summary>A kind of record the trail holds, for the filter: its stored name and its name in the user's language.</summary>
public sealed record AuditEntityType(string Code, string Name);
