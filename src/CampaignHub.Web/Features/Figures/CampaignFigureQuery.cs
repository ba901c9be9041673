namespace CampaignHub.Web.Features.Figures;

/// <summary>Filters of a campaign's figure entries; dates inclusive.</summary>
public sealed record CampaignFigureQuery
{
    public int? UnitId { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    /// <summary>A metric code.</summary>
    public string? Metric { get; init; }
}
