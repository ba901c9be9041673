namespace CampaignHub.Web.Domain;

/// <summary>One create, update or delete of an audited record, with who, when, and the old and new values.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTime At { get; set; }

    public string? UserId { get; set; }

    public string? UserEmail { get; set; }

    public required string EntityType { get; set; }

    public required string EntityId { get; set; }

    public required string Action { get; set; }

    /// <summary>JSON object: property → { "old": …, "new": … }.</summary>
    public required string Changes { get; set; }

    public int? CampaignId { get; set; }
}
