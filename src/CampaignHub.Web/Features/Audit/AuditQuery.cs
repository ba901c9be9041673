namespace CampaignHub.Web.Features.Audit;

/// <summary>Filters and page of the audit trail. Dates are the association's local days, both inclusive.</summary>
public sealed record AuditQuery
{
    public const int MaxPageSize = 200;

    /// <summary>The stored entity type, e.g. CampaignEvent (see <see cref="AuditService.EntityTypesAsync"/>).</summary>
    public string? EntityType { get; init; }

    /// <summary>Part of the e-mail or of the name of the user who made the change.</summary>
    public string? User { get; init; }

    public AuditAction? Action { get; init; }

    public int? CampaignId { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 25;
}
