using CampaignHub.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CampaignHub.Web.Features.Reports.Locks;

/// <summary>
/// What finalised reports impose, as pages show it: the events and figures they cover cannot be changed, by anyone
/// (admins included), until an admin unlocks the report. Saves are refused by the save path itself
/// (<see cref="ReportLockGuard"/>); pages and the import ask here to show what is locked before anyone tries.
/// </summary>
public sealed class ReportLockService(IDbContextFactory<CampaignHubDbContext> dbFactory, ReportLockGuard guard)
{
    /// <summary>The campaign's locks, oldest report first (for the pages and the spreadsheet import).</summary>
    public async Task<IReadOnlyList<ReportLock>> ActiveAsync(int campaignId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await ActiveAsync(db, campaignId, cancellationToken);
    }

    public Task<List<ReportLock>> ActiveAsync(CampaignHubDbContext db, int campaignId, CancellationToken cancellationToken = default) =>
        ReportLockGuard.Project(db.FinalisedReports.AsNoTracking().Where(r => r.CampaignId == campaignId))
            .ToListAsync(cancellationToken);

    /// <summary>The lock on an event as it is stored now, or null (also for an unknown event).</summary>
    public async Task<ReportLock?> ForEventAsync(int eventId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.Events.AsNoTracking().Where(e => e.Id == eventId)
            .Select(e => new { e.CampaignId, e.StartsAt, Units = e.Units.Select(c => c.UnitId).ToList() })
            .FirstOrDefaultAsync(cancellationToken);
        return stored is null
            ? null
            : await guard.FindAsync(db, [LockTarget.OfEvent(stored.CampaignId, stored.StartsAt, stored.Units)], cancellationToken);
    }

    /// <summary>"Locked by the finalised report '…' (2021-04-15–2021-04-21); an admin can unlock it."</summary>
    public string Message(ReportLock found) => guard.Message(found);
}
