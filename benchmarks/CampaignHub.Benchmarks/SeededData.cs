namespace CampaignHub.Benchmarks;

/// <summary>What the bulk seed made, and the filters the measures use.</summary>
internal sealed record SeededData(
    int Events,
    long Figures,
    int WeekCampaignId,
    DateOnly WeekStart,
    DateOnly WeekEnd,
    int BusyCampaignId,
    int UnitId,
    DateOnly From,
    DateOnly To);
