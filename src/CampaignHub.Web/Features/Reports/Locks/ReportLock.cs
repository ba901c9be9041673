namespace CampaignHub.Web.Features.Reports.Locks;

/// <summary>
/// A finalised, not unlocked report as a lock: the events and figures of its campaign dated in [<see cref="From"/>,
/// <see cref="To"/>] are read-only; for a unit's report (<see cref="UnitId"/> set) only that unit's.
/// </summary>
public sealed record ReportLock(int ReportId, int CampaignId, int? UnitId, DateOnly From, DateOnly To, string Title)
{
    /// <summary>
    /// Whether a record of the campaign on <paramref name="date"/>, credited to <paramref name="unitIds"/>, is
    /// locked. A joint event is locked when any of its units is.
    /// </summary>
    public bool Covers(LockTarget target) =>
        target.CampaignId == CampaignId && target.Date >= From && target.Date <= To
        && (UnitId is not { } only || target.UnitIds.Contains(only));
}

/// <summary>What a write touches: a campaign, a date (an event's start date, a figure's day) and the units credited.</summary>
public sealed record LockTarget(int CampaignId, DateOnly Date, IReadOnlyCollection<int> UnitIds)
{
    /// <summary>An event counts by its start date (association time, as stored and as the report counts it) and its units.</summary>
    public static LockTarget OfEvent(int campaignId, DateTime startsAt, IReadOnlyCollection<int> unitIds) =>
        new(campaignId, DateOnly.FromDateTime(startsAt), unitIds);
}
