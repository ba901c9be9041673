using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CampaignHub.Web.Features.Reporting;

/// <summary>
/// Whether a report's figures are approved. <see cref="Applies"/> only when the campaign has reporting periods that
/// overlap the report's dates: a campaign without periods reports (and finalises) as before. A unit is settled for the
/// report when it is approved or excused in every one of those periods; the others are <see cref="Pending"/>.
/// </summary>
public sealed record ReportApproval(bool Applies, IReadOnlyList<int> SettledUnitIds, IReadOnlyList<PendingUnit> Pending)
{
    public static readonly ReportApproval None = new(false, [], []);

    public bool AllSettled => Pending.Count == 0;
}

/// <summary>A unit whose figures are not approved yet, with its status in each period that is not settled.</summary>
public sealed record PendingUnit(int UnitId, string Name, string? NameEn, IReadOnlyList<PendingPeriod> Periods)
{
    public string LocalName(bool english) => english && !string.IsNullOrWhiteSpace(NameEn) ? NameEn : Name;
}

public sealed record PendingPeriod(int PeriodId, string Name, string? NameEn, SubmissionStatus Status);

/// <summary>
/// The approval state behind the summary report's "approved only" and "unapproved marked" options and behind
/// finalising, which needs every unit of the report settled. The units are the campaign's (or the one unit of a
/// unit's own report). Three queries, no figures read.
/// </summary>
public sealed class ReportApprovals(IDbContextFactory<CampaignHubDbContext> dbFactory)
{
    public async Task<ReportApproval> GetAsync(int campaignId, DateOnly from, DateOnly to, int? unitId = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var periods = await db.ReportingPeriods.AsNoTracking()
            .Where(p => p.CampaignId == campaignId && p.From <= to && p.To >= from)
            .OrderBy(p => p.From).Select(p => new { p.Id, p.Name, p.NameEn })
            .ToListAsync(cancellationToken);
        if (periods.Count == 0)
        {
            return ReportApproval.None;
        }

        var units = await db.Set<CampaignUnit>().AsNoTracking()
            .Where(c => c.CampaignId == campaignId && (unitId == null || c.UnitId == unitId))
            .OrderBy(c => c.Unit!.Name).ThenBy(c => c.UnitId)
            .Select(c => new { c.UnitId, c.Unit!.Name, c.Unit.NameEn })
            .ToListAsync(cancellationToken);
        var ids = periods.Select(p => p.Id).ToList();
        var statuses = (await db.UnitSubmissions.AsNoTracking().Where(s => ids.Contains(s.ReportingPeriodId))
                .Select(s => new { s.ReportingPeriodId, s.UnitId, s.Status }).ToListAsync(cancellationToken))
            .ToDictionary(s => (s.ReportingPeriodId, s.UnitId), s => s.Status);

        var settled = new List<int>();
        var pending = new List<PendingUnit>();
        foreach (var unit in units)
        {
            var open = periods
                .Select(p => new PendingPeriod(p.Id, p.Name, p.NameEn, statuses.GetValueOrDefault((p.Id, unit.UnitId))))
                .Where(p => !SubmissionRules.IsSettled(p.Status))
                .ToList();
            if (open.Count == 0)
            {
                settled.Add(unit.UnitId);
            }
            else
            {
                pending.Add(new PendingUnit(unit.UnitId, unit.Name, unit.NameEn, open));
            }
        }

        return new ReportApproval(true, settled, pending);
    }
}
