using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Association;

namespace CampaignHub.Web.Features.Reporting;

/// <summary>
/// The reporting cycle's state rules, in one place: which step each status allows, and when a unit is late.
/// <code>
/// not_started ─┬─ save note ─► draft ─┐
///              └──────── submit ──────┴─► submitted ─┬─ approve ─► approved
///                                             ▲      └─ return ──► returned ─ submit ─┘ (a new round)
/// any of not_started, draft, submitted, returned ─ excuse ─► excused
/// </code>
/// Approved and excused are final: nothing returns, approves or excuses them again.
/// </summary>
public static class SubmissionRules
{
    public static bool CanSaveDraft(SubmissionStatus status) =>
        status is SubmissionStatus.NotStarted or SubmissionStatus.Draft or SubmissionStatus.Returned;

    /// <summary>A submitted report awaits its review; the unit's later edits show as changes since submitting.</summary>
    public static bool CanSubmit(SubmissionStatus status) =>
        status is SubmissionStatus.NotStarted or SubmissionStatus.Draft or SubmissionStatus.Returned;

    /// <summary>A returned submission may get further comments in the same round.</summary>
    public static bool CanReturn(SubmissionStatus status) => status is SubmissionStatus.Submitted or SubmissionStatus.Returned;

    public static bool CanApprove(SubmissionStatus status) => status == SubmissionStatus.Submitted;

    public static bool CanExcuse(SubmissionStatus status) => status is not (SubmissionStatus.Approved or SubmissionStatus.Excused);

    /// <summary>Counted as "has submitted" on the board.</summary>
    public static bool HasSubmitted(SubmissionStatus status) => status is SubmissionStatus.Submitted or SubmissionStatus.Approved;

    /// <summary>Nothing more is expected of the unit: its figures may go into a finalised report.</summary>
    public static bool IsSettled(SubmissionStatus status) => status is SubmissionStatus.Approved or SubmissionStatus.Excused;

    /// <summary>
    /// Late: first submitted after the due date, or not submitted yet and the due date has passed (both in the
    /// association's calendar). An excused unit is never late; a resubmission after a return keeps the first date.
    /// </summary>
    public static bool IsLate(SubmissionStatus status, DateOnly? firstSubmittedOn, DateOnly dueDate, DateOnly today) => status switch
    {
        SubmissionStatus.Excused => false,
        _ when firstSubmittedOn is { } on => on > dueDate,
        _ => today > dueDate,
    };

    /// <summary>
    /// <see cref="IsLate(SubmissionStatus, DateOnly?, DateOnly, DateOnly)"/> with a stored (UTC) first submission, in the
    /// association's calendar; <paramref name="today"/> once for a whole board rather than per cell.
    /// </summary>
    public static bool IsLate(SubmissionStatus status, DateTime? firstSubmittedUtc, DateOnly dueDate, AssociationClock clock, DateOnly? today = null) =>
        IsLate(status, firstSubmittedUtc is { } utc ? DateOnly.FromDateTime(clock.ToLocal(DateTime.SpecifyKind(utc, DateTimeKind.Utc))) : null,
            dueDate, today ?? clock.Today);
}
