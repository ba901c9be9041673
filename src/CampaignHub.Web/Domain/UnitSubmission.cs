namespace CampaignHub.Web.Domain;

/// <summary>
/// A unit's report for one reporting period: its status, when it was submitted and reviewed, and a snapshot of the
/// figures it covered at submission (so the reviewer sees what was submitted and what changed since). One per unit
/// and period.
/// </summary>
public sealed class UnitSubmission : IVersioned, IAudited, IUpdatedBy
{
    public int Id { get; set; }

    /// <summary>The period's campaign, kept here for the board's one query and the audit trail's campaign filter.</summary>
    public int CampaignId { get; set; }

    public int ReportingPeriodId { get; set; }

    public ReportingPeriod? ReportingPeriod { get; set; }

    public int UnitId { get; set; }

    public Unit? Unit { get; set; }

    public SubmissionStatus Status { get; set; } = SubmissionStatus.Draft;

    /// <summary>The coordinator's note to the reviewer.</summary>
    public string? Note { get; set; }

    /// <summary>The first submission: it alone decides whether the unit was late.</summary>
    public DateTime? FirstSubmittedAt { get; set; }

    /// <summary>The latest submission (UTC).</summary>
    public DateTime? SubmittedAt { get; set; }

    public string? SubmittedById { get; set; }

    /// <summary>How many times it was submitted: 2 after one return and resubmission.</summary>
    public int Round { get; set; }

    /// <summary>When an admin last returned, approved or excused it (UTC).</summary>
    public DateTime? ReviewedAt { get; set; }

    public string? ReviewedById { get; set; }

    public string? ExcuseReason { get; set; }

    /// <summary>What was submitted, kept in a row of its own so the board's scans stay small.</summary>
    public UnitSubmissionFigures? Figures { get; set; }

    public DateTime UpdatedAt { get; set; }

    public string? UpdatedById { get; set; }

    public long Version { get; set; }
}
