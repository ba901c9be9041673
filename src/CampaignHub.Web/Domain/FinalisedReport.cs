namespace CampaignHub.Web.Domain;

/// <summary>
/// A summary report an admin finalised: the PDF and a JSON snapshot of its figures exactly as they were. While it
/// is locked (<see cref="UnlockedAt"/> null) the events and figures of its campaign and period (of its unit,
/// for a unit's report) cannot be changed; an admin unlocks it to correct them, and the audit trail records it.
/// </summary>
public sealed class FinalisedReport : IVersioned, IAudited
{
    public int Id { get; set; }

    public int CampaignId { get; set; }

    public Campaign? Campaign { get; set; }

    /// <summary>Set for a unit's own summary; null for the association's roll-up.</summary>
    public int? UnitId { get; set; }

    public Unit? Unit { get; set; }

    public DateOnly From { get; set; }

    public DateOnly To { get; set; }

    /// <summary>zh-CN or en.</summary>
    public required string Language { get; set; }

    public required string Title { get; set; }

    public DateTime FinalisedAt { get; set; }

    public required string FinalisedById { get; set; }

    [NotAudited]
    public required byte[] Pdf { get; set; }

    /// <summary>The report's figures (CampaignStatistics) as JSON, to compare with later corrections.</summary>
    [NotAudited]
    public required string Snapshot { get; set; }

    /// <summary>The same document as a Word file; null for reports finalised before there was one.</summary>
    [NotAudited]
    public byte[]? Docx { get; set; }

    /// <summary>The draft the document was made from; null for the report as generated.</summary>
    public int? DraftId { get; set; }

    public DateTime? UnlockedAt { get; set; }

    public string? UnlockedById { get; set; }

    public string? UnlockReason { get; set; }

    public long Version { get; set; }
}
