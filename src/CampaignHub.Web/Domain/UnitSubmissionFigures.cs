namespace CampaignHub.Web.Domain;

/// <summary>
/// The figures a submission covered, as JSON (<c>SubmissionSnapshot</c>): the last submission's and, after a return and
/// resubmission, the one before, to show what the resubmission changed. A row of its own beside
/// <see cref="UnitSubmission"/>: the completeness board reads thousands of submissions and none of their snapshots.
/// Not audited: a snapshot is a copy of audited events and figures, and the submission's own steps are audited.
/// </summary>
public sealed class UnitSubmissionFigures
{
    public int SubmissionId { get; set; }

    public required string Submitted { get; set; }

    public string? PreviouslySubmitted { get; set; }
}
