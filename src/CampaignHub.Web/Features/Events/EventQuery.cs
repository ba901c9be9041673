namespace CampaignHub.Web.Features.Events;

/// <summary>Filters, sort and page of the event list. Dates are inclusive, on the event's start.</summary>
public sealed record EventQuery
{
    public const int MaxPageSize = 200;

    public int? CampaignId { get; init; }

    public int? UnitId { get; init; }

    public string? Kind { get; init; }

    public string? Channel { get; init; }

    public string? Status { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public string? Text { get; init; }

    /// <summary>start (default), title, kind, status.</summary>
    public string? SortBy { get; init; }

    public bool Descending { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 25;
}
