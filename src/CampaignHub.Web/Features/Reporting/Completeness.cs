using CampaignHub.Web.Domain;

namespace CampaignHub.Web.Features.Reporting;

/// <summary>The board's filters: a status, late or not, a kind of unit. Counts always cover every unit.</summary>
public sealed record CompletenessQuery(SubmissionStatus? Status = null, bool? Late = null, UnitKind? UnitKind = null);

/// <summary>
/// One period's completeness: <c>{submitted, total, units: [{unitId, name, status, submittedAt, late}]}</c>, with the
/// count of each status, how many are late, and the word for the units (their common kind).
/// </summary>
public sealed record PeriodCompleteness(
    ReportingPeriodDetails Period,
    int Submitted,
    int Total,
    int Late,
    IReadOnlyDictionary<string, int> Counts,
    UnitKind UnitKind,
    IReadOnlyList<UnitCompleteness> Units);

public sealed record UnitCompleteness(
    int UnitId,
    string Name,
    string? NameEn,
    UnitKind Kind,
    SubmissionStatus Status,
    DateTime? SubmittedAt,
    bool Late,
    int? SubmissionId,
    long? Version)
{
    public string LocalName(bool english) => english && !string.IsNullOrWhiteSpace(NameEn) ? NameEn : Name;
}

/// <summary>
/// The whole campaign at once: its units × its periods, each cell the unit's status in that period. Units are those
/// the filters keep (a unit stays when any of its cells matches); periods in date order with their counts.
/// </summary>
public sealed record CompletenessBoard(
    int CampaignId,
    UnitKind UnitKind,
    int UnitCount,
    IReadOnlyList<BoardPeriod> Periods,
    IReadOnlyList<BoardUnit> Units);

public sealed record BoardPeriod(ReportingPeriodDetails Period, int Submitted, int Total, int Late, int Settled);

public sealed record BoardUnit(int UnitId, string Name, string? NameEn, UnitKind Kind, IReadOnlyList<BoardCell> Cells)
{
    public string LocalName(bool english) => english && !string.IsNullOrWhiteSpace(NameEn) ? NameEn : Name;
}

/// <summary>A unit's state in one period (cells in the order of the board's periods).</summary>
public sealed record BoardCell(int PeriodId, SubmissionStatus Status, bool Late, DateTime? SubmittedAt, int? SubmissionId);

/// <summary>Reminding units of a period: the units to remind (default: every unit that has not submitted).</summary>
public sealed class ReminderInput
{
    public List<int>? UnitIds { get; set; }
}

/// <summary>
/// What a reminder request did: units now asked to be reminded, units already waiting for one, units that need none
/// (submitted, approved or excused).
/// </summary>
public sealed record ReminderResult(int ReportingPeriodId, IReadOnlyList<int> Requested, IReadOnlyList<int> AlreadyPending, IReadOnlyList<int> NotNeeded);

/// <summary>A coordinator's own unit in one period of a campaign.</summary>
public sealed record MySubmissionItem(ReportingPeriodDetails Period, int UnitId, string UnitName, string? UnitNameEn, SubmissionStatus Status, bool Late, DateTime? SubmittedAt, int OpenComments);

/// <summary>A campaign that has reporting periods, for the reporting page's chooser.</summary>
public sealed record ReportingCampaign(int Id, string Name, string? NameEn, DateOnly StartDate, DateOnly EndDate, int Periods)
{
    public string LocalName(bool english) => english && !string.IsNullOrWhiteSpace(NameEn) ? NameEn : Name;
}
