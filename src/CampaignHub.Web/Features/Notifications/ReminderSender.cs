using System.Globalization;
using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Association;
using CampaignHub.Web.Features.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CampaignHub.Web.Features.Notifications;

/// <summary>
/// Delivers reminders exactly once per unit, period and kind, however many app instances run it and wherever one of
/// them is killed:
/// <list type="number">
/// <item>it records the automatic reminders that are due (<see cref="ReminderKind.BeforeDue"/> from
/// <see cref="NotificationSettings.DaysBeforeDue"/> days before the due date, <see cref="ReminderKind.Overdue"/> after it)
/// for the units that have not submitted; the unique index on unit, period and kind refuses a second row, so two
/// instances deciding at once record one;</item>
/// <item>it claims each undelivered request by one conditional UPDATE (unclaimed, or its claim lapsed): one instance
/// wins it;</item>
/// <item>it delivers a claimed request in one transaction: the coordinators' notifications, their queued e-mails and
/// the request's <see cref="ReminderRequest.DeliveredAt"/> are stored together or not at all, and only while the
/// claim is still its own. An instance killed before the commit leaves nothing behind but its claim, which lapses
/// (<see cref="NotificationSettings.ClaimSeconds"/>) and is taken over; one killed after it leaves the request
/// delivered, which nobody takes again. So nobody gets a second copy and nobody is skipped.</item>
/// </list>
/// A unit that submitted (or was excused) since the request was recorded is not reminded; its request is closed.
/// </summary>
public sealed class ReminderSender(
    IDbContextFactory<CampaignHubDbContext> dbFactory,
    Notifier notifier,
    AssociationClock clock,
    IOptions<NotificationSettings> settings,
    SenderIdentity sender,
    TimeProvider time,
    ILogger<ReminderSender> logger)
{
    private const int Batch = 100;

    /// <summary>One pass: record what is due, then claim and deliver; returns how many requests were delivered.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        await RecordDueAsync(cancellationToken);
        var delivered = 0;
        foreach (var id in await ClaimAsync(cancellationToken))
        {
            if (await DeliverAsync(id, cancellationToken))
            {
                delivered++;
            }
        }

        return delivered;
    }

    /// <summary>Records the automatic reminders due today for the units that have not submitted; returns how many.</summary>
    internal async Task<int> RecordDueAsync(CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var soon = today.AddDays(settings.Value.DaysBeforeDue);
        var overdueSince = today.AddDays(-settings.Value.OverdueWindowDays);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.BeginWriteTransactionAsync(cancellationToken);
        var periods = await db.ReportingPeriods.AsNoTracking()
            .Where(p => (p.DueDate >= today && p.DueDate <= soon) || (p.DueDate < today && p.DueDate >= overdueSince))
            .Select(p => new { p.Id, p.CampaignId, p.DueDate })
            .ToListAsync(cancellationToken);
        if (periods.Count == 0)
        {
            return 0;
        }

        var ids = periods.Select(p => p.Id).ToList();
        var campaigns = periods.Select(p => p.CampaignId).Distinct().ToList();
        var units = (await db.Set<CampaignUnit>().AsNoTracking().Where(c => campaigns.Contains(c.CampaignId))
                .Select(c => new { c.CampaignId, c.UnitId }).ToListAsync(cancellationToken))
            .ToLookup(c => c.CampaignId, c => c.UnitId);
        var statuses = (await db.UnitSubmissions.AsNoTracking().Where(s => ids.Contains(s.ReportingPeriodId))
                .Select(s => new { s.ReportingPeriodId, s.UnitId, s.Status }).ToListAsync(cancellationToken))
            .ToDictionary(s => (s.ReportingPeriodId, s.UnitId), s => s.Status);
        var existing = (await db.ReminderRequests.AsNoTracking()
                .Where(r => ids.Contains(r.ReportingPeriodId) && r.Kind != ReminderKind.Manual)
                .Select(r => new { r.ReportingPeriodId, r.UnitId, r.Kind }).ToListAsync(cancellationToken))
            .Select(r => (r.ReportingPeriodId, r.UnitId, r.Kind)).ToHashSet();

        var added = 0;
        foreach (var period in periods)
        {
            var kind = period.DueDate >= today ? ReminderKind.BeforeDue : ReminderKind.Overdue;
            foreach (var unit in units[period.CampaignId])
            {
                if (!NotSubmitted(statuses.GetValueOrDefault((period.Id, unit))) || existing.Contains((period.Id, unit, kind)))
                {
                    continue;
                }

                db.ReminderRequests.Add(new ReminderRequest { CampaignId = period.CampaignId, ReportingPeriodId = period.Id, UnitId = unit, Kind = kind });
                added++;
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            // Another instance recorded the same reminders first (the unique index): they are theirs to deliver.
            logger.LogInformation("Reminders already recorded by another instance: {Error}", ex.InnerException?.Message ?? ex.Message);
            return 0;
        }

        return added;
    }

    /// <summary>Claims undelivered requests whose claim is free or lapsed, each by one conditional UPDATE.</summary>
    internal async Task<IReadOnlyList<long>> ClaimAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = Now;
        var candidates = await db.ReminderRequests.AsNoTracking()
            .Where(r => r.DeliveredAt == null && (r.ClaimedUntil == null || r.ClaimedUntil < now))
            .OrderBy(r => r.Id).Select(r => r.Id).Take(Batch).ToListAsync(cancellationToken);
        var until = now.AddSeconds(settings.Value.ClaimSeconds);
        var claimed = new List<long>();
        foreach (var id in candidates)
        {
            var taken = await db.ReminderRequests
                .Where(r => r.Id == id && r.DeliveredAt == null && (r.ClaimedUntil == null || r.ClaimedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.ClaimedBy, sender.Name).SetProperty(r => r.ClaimedUntil, until)
                    .SetProperty(r => r.Attempts, r => r.Attempts + 1), cancellationToken);
            if (taken == 1)
            {
                claimed.Add(id);
            }
        }

        return claimed;
    }

    /// <summary>
    /// Delivers one claimed request in one transaction, if the claim is still this instance's and it is not delivered:
    /// the coordinators' notifications and e-mails and the delivered mark together. Returns whether it delivered.
    /// </summary>
    internal async Task<bool> DeliverAsync(long requestId, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.BeginWriteTransactionAsync(cancellationToken);
            var request = await db.ReminderRequests.FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken);
            if (request is null || request.DeliveredAt is not null || request.ClaimedBy != sender.Name)
            {
                return false;
            }

            var status = await db.UnitSubmissions.AsNoTracking()
                .Where(s => s.ReportingPeriodId == request.ReportingPeriodId && s.UnitId == request.UnitId)
                .Select(s => (SubmissionStatus?)s.Status).FirstOrDefaultAsync(cancellationToken);
            if (NotSubmitted(status ?? SubmissionStatus.NotStarted))
            {
                var kind = request.Kind switch
                {
                    ReminderKind.BeforeDue => NotificationKind.ReminderBeforeDue,
                    ReminderKind.Overdue => NotificationKind.ReminderOverdue,
                    _ => NotificationKind.ReminderManual,
                };
                var (parameters, link) = await SubmissionNotices.ParametersAsync(db, request.ReportingPeriodId, request.UnitId, cancellationToken);
                await notifier.NotifyUnitAsync(db, request.UnitId, kind, parameters, link, cancellationToken);
            }

            request.DeliveredAt = Now;
            request.ClaimedUntil = null;
            request.LastError = null;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Reminder {Id} not delivered; it is tried again", requestId);
            await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
            var error = ex.Message.Length > NotificationLimits.ErrorMaxLength ? ex.Message[..NotificationLimits.ErrorMaxLength] : ex.Message;
            await db.ReminderRequests.Where(r => r.Id == requestId && r.ClaimedBy == sender.Name && r.DeliveredAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.LastError, error).SetProperty(r => r.ClaimedUntil, (DateTime?)null), CancellationToken.None);
            return false;
        }
    }

    private static bool NotSubmitted(SubmissionStatus status) =>
        status is SubmissionStatus.NotStarted or SubmissionStatus.Draft or SubmissionStatus.Returned;

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}

/// <summary>The parameters and link every notification about a unit's submission for a period carries.</summary>
internal static class SubmissionNotices
{
    public static async Task<(Dictionary<string, string?> Parameters, string Link)> ParametersAsync(
        CampaignHubDbContext db, int periodId, int unitId, CancellationToken cancellationToken)
    {
        var period = await db.ReportingPeriods.AsNoTracking().Where(p => p.Id == periodId)
            .Select(p => new { p.Name, p.NameEn, p.DueDate, Campaign = p.Campaign!.Name, CampaignEn = p.Campaign.NameEn }).FirstAsync(cancellationToken);
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => new { u.Name, u.NameEn }).FirstAsync(cancellationToken);
        var values = new Dictionary<string, string?>
        {
            [NotificationParameters.DueDate] = period.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        NotificationParameters.Name(values, NotificationParameters.Period, period.Name, period.NameEn);
        NotificationParameters.Name(values, NotificationParameters.Campaign, period.Campaign, period.CampaignEn);
        NotificationParameters.Name(values, NotificationParameters.Unit, unit.Name, unit.NameEn);
        return (values, $"/reporting/periods/{periodId}/units/{unitId}");
    }
}
