namespace CampaignHub.Web.Domain;

/// <summary>
/// A summary report being edited: which report (campaign, period, unit, language), its title and its ordered
/// blocks. Several drafts may exist for one campaign and period. The numbers are not stored: the blocks hold fields
/// bound to the data, and <see cref="EditedAgainst"/> the figures as they were when it was last saved, so the
/// editor can say what changed since.
/// </summary>
public sealed class ReportDraft : IVersioned, IAudited, ICreatedBy, IUpdatedBy
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

    /// <summary>The blocks (<see cref="ReportDraftBlock"/>) as JSON, in order.</summary>
    public required string Blocks { get; set; }

    /// <summary>Field → value of the figures when the draft was last saved (JSON); not an edit of the author's.</summary>
    [NotAudited]
    public string? EditedAgainst { get; set; }

    public DateTime CreatedAt { get; set; }

    public string? CreatedById { get; set; }

    public DateTime UpdatedAt { get; set; }

    public string? UpdatedById { get; set; }

    public long Version { get; set; }
}
