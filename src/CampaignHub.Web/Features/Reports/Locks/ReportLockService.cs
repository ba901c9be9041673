using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampaignHub.Web.Features.Reports.Locks;

/// <summary>
/// What finalised reports impose: the events and figures they cover cannot be changed, by anyone (admins included),
/// until an admin unlocks the report. Every write path of events and figures asks here, in its own DbContext,
/// with one query on the (CampaignId, From, To) index.
/// </summary>
public sealed class ReportLockService(IDbContextFactory<CampaignHubDbContext> dbFactory, IStringLocalizer<SharedResource> localizer)
{
    /// <summary>The campaign's locks, oldest report first (for the pages and the spreadsheet import).</summary>
    public async Task<IReadOnlyList<ReportLock>> ActiveAsync(int campaignId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await ActiveAsync(db, campaignId, cancellationToken);
    }

    public Task<List<ReportLock>> ActiveAsync(CampaignHubDbContext db, int campaignId, CancellationToken cancellationToken = default) =>
        Project(db.FinalisedReports.AsNoTracking().Where(r => r.CampaignId == campaignId && r.UnlockedAt == null))
            .ToListAsync(cancellationToken);

    /// <summary>The lock on an event as it is stored now, or null (also for an unknown event).</summary>
    public async Task<ReportLock?> ForEventAsync(int eventId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.Events.AsNoTracking().Where(e => e.Id == eventId)
            .Select(e => new { e.CampaignId, e.StartsAt, Committees = e.Committees.Select(c => c.CommitteeId).ToList() })
            .FirstOrDefaultAsync(cancellationToken);
        return stored is null
            ? null
            : await FindAsync(db, [new LockTarget(stored.CampaignId, DateOnly.FromDateTime(stored.StartsAt), stored.Committees)], cancellationToken);
    }

    /// <summary>The first lock covering any of the targets (an update checks where the event was and where it goes).</summary>
    public async Task<ReportLock?> FindAsync(CampaignHubDbContext db, IReadOnlyList<LockTarget> targets, CancellationToken cancellationToken = default)
    {
        if (targets.Count == 0)
        {
            return null;
        }

        // One query for all targets: the candidates of their campaigns around their dates, matched exactly here.
        var campaignIds = targets.Select(t => t.CampaignId).Distinct().ToList();
        var first = targets.Min(t => t.Date);
        var last = targets.Max(t => t.Date);
        var candidates = await Project(db.FinalisedReports.AsNoTracking()
                .Where(r => campaignIds.Contains(r.CampaignId) && r.From <= last && r.To >= first && r.UnlockedAt == null))
            .ToListAsync(cancellationToken);
        return candidates.FirstOrDefault(l => targets.Any(l.Covers));
    }

    /// <summary>Refuses the write with a field error naming the report, so forms show it where the date is.</summary>
    public async Task ThrowIfLockedAsync(CampaignHubDbContext db, string field, IReadOnlyList<LockTarget> targets, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(db, targets, cancellationToken) is { } found)
        {
            var errors = new ValidationErrors();
            errors.Add(field, Message(found));
            errors.ThrowIfAny();
        }
    }

    /// <summary>"Locked by the finalised report '…' (2021-04-15–2021-04-21); an admin can unlock it."</summary>
    public string Message(ReportLock found) =>
        string.Format(localizer["ReportLock_Locked"], found.Title, found.From.ToString("yyyy-MM-dd"), found.To.ToString("yyyy-MM-dd"));

    private static IQueryable<ReportLock> Project(IQueryable<FinalisedReport> reports) =>
        reports.OrderBy(r => r.FinalisedAt).ThenBy(r => r.Id)
            .Select(r => new ReportLock(r.Id, r.CampaignId, r.CommitteeId, r.From, r.To, r.Title));
}
