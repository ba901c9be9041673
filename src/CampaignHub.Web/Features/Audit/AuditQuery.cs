namespace CampaignHub.Web.Features.Audit;

/// <summary>Filters and page of the audit trail. Dates are the association's local days, both inclusive.</summary>
public sealed record AuditQuery
{
    public const int MaxPageSize = 200;

    public string? EntityType { get; init; }

    /// <summary>Part of the e-mail of the user who made the change.</summary>
    public string? UserEmail { get; init; }

    /// <summary>create, update or delete.</summary>
    public string? Action { get; init; }

    public int? CampaignId { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 25;
}
