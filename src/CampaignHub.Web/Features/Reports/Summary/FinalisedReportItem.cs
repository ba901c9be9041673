namespace CampaignHub.Web.Features.Reports.Summary;

/// <summary>A finalised report as listed: what it covers, who finalised it when, and whether it still locks its period.</summary>
public sealed record FinalisedReportItem(
    int Id,
    int CampaignId,
    int? UnitId,
    string? UnitName,
    DateOnly From,
    DateOnly To,
    string Language,
    string Title,
    DateTime FinalisedAt,
    string FinalisedBy,
    bool Locked,
    DateTime? UnlockedAt,
    string? UnlockedBy,
    string? UnlockReason,
    int PdfBytes,
    long Version);
