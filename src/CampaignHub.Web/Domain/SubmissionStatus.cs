namespace CampaignHub.Web.Domain;

/// <summary>
/// Where a unit's report for a period stands. <see cref="NotStarted"/> is never stored: it is the state of a unit
/// with no submission row yet.
/// </summary>
public enum SubmissionStatus
{
    NotStarted,

    /// <summary>The coordinator wrote a note but has not submitted.</summary>
    Draft,

    Submitted,

    /// <summary>Sent back by an admin with comments; the coordinator fixes and submits again.</summary>
    Returned,

    Approved,

    /// <summary>An admin released the unit from reporting this period, with a reason.</summary>
    Excused,
}
