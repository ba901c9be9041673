using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Totals;

namespace CampaignHub.Web.Features.Reporting;

/// <summary>
/// A unit's report for a period as its page and <c>GET /api/submissions/{id}</c> show it: where it stands, the
/// totals now and as submitted, the unit's events (flagged when added, changed or removed since submitting), the
/// changes since submitting, what the last resubmission changed, what was returned, and the checklist.
/// <see cref="Id"/> and <see cref="Version"/> are null while nothing is stored (not started).
/// </summary>
public sealed record SubmissionView(
    int? Id,
    ReportingPeriodDetails Period,
    SubmissionUnit Unit,
    string CampaignName,
    string? CampaignNameEn,
    SubmissionStatus Status,
    bool Late,
    int Round,
    DateTime? SubmittedAt,
    DateTime? FirstSubmittedAt,
    string? SubmittedBy,
    DateTime? ReviewedAt,
    string? ReviewedBy,
    string? Note,
    string? ExcuseReason,
    CampaignTotals Totals,
    CampaignTotals? SubmittedTotals,
    IReadOnlyList<SubmissionEvent> Events,
    IReadOnlyList<SubmissionChange> ChangesSinceSubmitting,
    IReadOnlyList<SubmissionChange> ChangesInResubmission,
    IReadOnlyList<ReturnedItemView> ReturnedItems,
    IReadOnlyList<ChecklistItem> Checklist,
    long? Version);

public sealed record SubmissionUnit(int Id, string Name, string? NameEn, UnitKind Kind)
{
    public string LocalName(bool english) => english && !string.IsNullOrWhiteSpace(NameEn) ? NameEn : Name;
}

/// <summary>One of the unit's events in the period (as it is now; as submitted for one removed since).</summary>
public sealed record SubmissionEvent(
    int Id,
    string Title,
    EventKind Kind,
    EventChannel Channel,
    EventStatus Status,
    DateTime Start,
    bool Highlight,
    IReadOnlyDictionary<string, decimal> Figures,
    long Version,
    SubmissionEventChange ChangeSinceSubmitting,
    bool HasOpenComment);

/// <summary>
/// A comment a reviewer sent back: on the whole submission (no event, no metric), on an event, on one of its figures,
/// or on a campaign-level figure of the unit (a metric without an event). Open until the unit submits again.
/// </summary>
public sealed record ReturnedItemView(
    int Id,
    int SubmissionId,
    int ReportingPeriodId,
    int UnitId,
    int Round,
    int? EventId,
    string? EventTitle,
    string? MetricCode,
    string Comment,
    DateTime CreatedAt,
    string? CreatedBy,
    bool Open,
    DateTime? ResolvedAt);

/// <summary>A submission's status and version: what a 409 carries.</summary>
public sealed record SubmissionState(int Id, int ReportingPeriodId, int UnitId, SubmissionStatus Status, DateTime? SubmittedAt, DateTime? ReviewedAt, long Version);

/// <summary>
/// Submitting (or saving a draft) for a unit: <c>{unitId, note?, draft?, version?}</c>. Without <c>draft</c> the unit's
/// figures are submitted; with it only the note is kept. The note, when sent, replaces the stored one.
/// </summary>
public sealed class SubmitInput
{
    public int? UnitId { get; set; }

    public string? Note { get; set; }

    public bool Draft { get; set; }

    public long? Version { get; set; }
}

/// <summary>
/// Returning a submission with a comment: on the whole submission, an event (<c>eventId</c>), one of its figures
/// (<c>eventId</c> and <c>metricCode</c>) or a campaign-level figure of the unit (<c>metricCode</c> alone).
/// </summary>
public sealed class ReturnInput
{
    public string? Comment { get; set; }

    public int? EventId { get; set; }

    public string? MetricCode { get; set; }

    public long? Version { get; set; }
}

/// <summary>Approving: the version read, optional.</summary>
public sealed class ApproveInput
{
    public long? Version { get; set; }
}

/// <summary>Excusing a unit from a period: why (required), which unit (when not named by the address), the version read.</summary>
public sealed class ExcuseInput
{
    public int? UnitId { get; set; }

    public string? Reason { get; set; }

    public long? Version { get; set; }
}
