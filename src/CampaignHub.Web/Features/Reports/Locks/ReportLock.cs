namespace CampaignHub.Web.Features.Reports.Locks;

/// <summary>
/// A finalised, not unlocked report as a lock: the events and figures of its campaign dated in [<see cref="From"/>,
/// <see cref="To"/>] are read-only; for a committee's report (<see cref="CommitteeId"/> set) only that committee's.
/// </summary>
public sealed record ReportLock(int ReportId, int CampaignId, int? CommitteeId, DateOnly From, DateOnly To, string Title)
{
    /// <summary>
    /// Whether a record of the campaign on <paramref name="date"/>, credited to <paramref name="committeeIds"/>, is
    /// locked. A joint event is locked when any of its committees is.
    /// </summary>
    public bool Covers(LockTarget target) =>
        target.CampaignId == CampaignId && target.Date >= From && target.Date <= To
        && (CommitteeId is not { } only || target.CommitteeIds.Contains(only));
}

/// <summary>What a write touches: a campaign, a date (an event's start date, a figure's day) and the committees credited.</summary>
public sealed record LockTarget(int CampaignId, DateOnly Date, IReadOnlyCollection<int> CommitteeIds)
{
    /// <summary>An event counts by its start date (association time, as stored and as the report counts it) and its committees.</summary>
    public static LockTarget OfEvent(int campaignId, DateTime startsAt, IReadOnlyCollection<int> committeeIds) =>
        new(campaignId, DateOnly.FromDateTime(startsAt), committeeIds);
}
