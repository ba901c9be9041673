using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Association;
using CampaignHub.Web.Features.Common;
using CampaignHub.Web.Features.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampaignHub.Web.Features.Reporting;

/// <summary>
/// Who has reported: the admins' completeness board (a period, or the whole campaign's units × periods, in a handful
/// of queries whatever the number of events), the units still to remind, and a coordinator's own periods. Late flags
/// use the association's calendar (<see cref="AssociationClock"/>) and <see cref="SubmissionRules.IsLate"/>.
/// </summary>
public sealed class CompletenessService(
    IDbContextFactory<CampaignHubDbContext> dbFactory,
    ReportingAccess access,
    AssociationClock clock,
    IStringLocalizer<SharedResource> localizer)
{
    public async Task<PeriodCompleteness> GetPeriodAsync(Actor actor, int periodId, CompletenessQuery? query = null, CancellationToken cancellationToken = default)
    {
        access.RequireAdmin(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var period = await PeriodAsync(db, periodId, cancellationToken);
        var units = await UnitsAsync(db, period.CampaignId, cancellationToken);
        var rows = await Rows(db.UnitSubmissions.Where(s => s.ReportingPeriodId == periodId)).ToListAsync(cancellationToken);
        var byUnit = rows.ToDictionary(r => r.UnitId);
        var today = clock.Today;
        var all = units.Select(u =>
        {
            var row = byUnit.GetValueOrDefault(u.Id);
            var status = row?.Status ?? SubmissionStatus.NotStarted;
            return new UnitCompleteness(u.Id, u.Name, u.NameEn, u.Kind, status, SubmissionService.Utc(row?.SubmittedAt),
                SubmissionRules.IsLate(status, row?.FirstSubmittedAt, period.DueDate, clock, today), row?.Id, row?.Version);
        }).ToList();

        var filter = query ?? new CompletenessQuery();
        return new PeriodCompleteness(
            period,
            all.Count(u => SubmissionRules.HasSubmitted(u.Status)),
            all.Count,
            all.Count(u => u.Late),
            Enum.GetValues<SubmissionStatus>().ToDictionary(s => Codes<SubmissionStatus>.Of(s), s => all.Count(u => u.Status == s)),
            UnitWords.Common(units.Select(u => u.Kind)),
            all.Where(u => Keeps(filter, u.Kind, u.Status, u.Late)).ToList());
    }

    /// <summary>The campaign's units × periods: four queries (campaign, units, periods, submissions' columns).</summary>
    public async Task<CompletenessBoard> GetBoardAsync(Actor actor, int campaignId, CompletenessQuery? query = null, CancellationToken cancellationToken = default)
    {
        access.RequireAdmin(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Campaigns.AnyAsync(c => c.Id == campaignId, cancellationToken))
        {
            throw new NotFoundException(string.Format(localizer["Campaign_NotFound"], campaignId));
        }

        var units = await UnitsAsync(db, campaignId, cancellationToken);
        var periods = await ReportingPeriodService.Details(db.ReportingPeriods.Where(p => p.CampaignId == campaignId)).ToListAsync(cancellationToken);
        var rows = (await Rows(db.UnitSubmissions.Where(s => s.CampaignId == campaignId)).ToListAsync(cancellationToken))
            .ToDictionary(r => (r.ReportingPeriodId, r.UnitId));
        var filter = query ?? new CompletenessQuery();
        var today = clock.Today;

        var cells = units.Select(u => periods.Select(p =>
        {
            var row = rows.GetValueOrDefault((p.Id, u.Id));
            var status = row?.Status ?? SubmissionStatus.NotStarted;
            return new BoardCell(p.Id, status, SubmissionRules.IsLate(status, row?.FirstSubmittedAt, p.DueDate, clock, today),
                SubmissionService.Utc(row?.SubmittedAt), row?.Id);
        }).ToList()).ToList();

        var boardPeriods = periods.Select((p, i) => new BoardPeriod(p,
            cells.Count(c => SubmissionRules.HasSubmitted(c[i].Status)), units.Count,
            cells.Count(c => c[i].Late), cells.Count(c => SubmissionRules.IsSettled(c[i].Status)))).ToList();
        var boardUnits = units.Select((u, i) => new BoardUnit(u.Id, u.Name, u.NameEn, u.Kind, cells[i]))
            .Where(u => (filter.UnitKind is null || u.Kind == filter.UnitKind)
                        && (filter.Status is null && filter.Late is null
                            || u.Cells.Any(c => Keeps(filter with { UnitKind = null }, u.Kind, c.Status, c.Late))))
            .ToList();
        return new CompletenessBoard(campaignId, UnitWords.Common(units.Select(u => u.Kind)), units.Count, boardPeriods, boardUnits);
    }

    /// <summary>
    /// Records a reminder for each named unit (default: every unit of the campaign) that has not submitted: not
    /// started, draft or returned. A unit with a manual reminder still waiting to go out is not asked twice; the
    /// notification sender delivers them (e-mail, in-app). The check and the inserts are one write transaction.
    /// </summary>
    public async Task<ReminderResult> RequestRemindersAsync(Actor actor, int periodId, ReminderInput? input = null, CancellationToken cancellationToken = default)
    {
        access.RequireAdmin(actor);
        var errors = new ValidationErrors();
        ListLimits.Check(errors, localizer, "unitIds", input?.UnitIds?.Count, ReportingLimits.MaxReminderUnits);
        errors.ThrowIfAny();

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.BeginWriteTransactionAsync(cancellationToken);
        var period = await PeriodAsync(db, periodId, cancellationToken);
        var units = (await UnitsAsync(db, period.CampaignId, cancellationToken)).Select(u => u.Id).ToList();
        var named = input?.UnitIds?.Distinct().ToList();
        if (named is not null)
        {
            foreach (var unknown in named.Except(units))
            {
                errors.Add("unitIds", string.Format(localizer["Reporting_Error_UnitNotInCampaign"], unknown));
            }

            errors.ThrowIfAny();
        }

        var asked = named ?? units;
        var statuses = await db.UnitSubmissions.AsNoTracking().Where(s => s.ReportingPeriodId == periodId)
            .Select(s => new { s.UnitId, s.Status }).ToDictionaryAsync(s => s.UnitId, s => s.Status, cancellationToken);
        var pending = (await db.ReminderRequests.AsNoTracking()
                .Where(r => r.ReportingPeriodId == periodId && r.Kind == ReminderKind.Manual && r.DeliveredAt == null)
                .Select(r => r.UnitId).ToListAsync(cancellationToken))
            .ToHashSet();
        var due = asked.Where(u => statuses.GetValueOrDefault(u) is SubmissionStatus.NotStarted or SubmissionStatus.Draft or SubmissionStatus.Returned).ToList();
        var requested = due.Where(u => !pending.Contains(u)).ToList();
        db.ReminderRequests.AddRange(requested.Select(u => new ReminderRequest
        {
            CampaignId = period.CampaignId,
            ReportingPeriodId = periodId,
            UnitId = u,
            Kind = ReminderKind.Manual,
        }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ReminderResult(periodId, requested, due.Where(pending.Contains).ToList(), asked.Except(due).ToList());
    }

    /// <summary>The campaigns that have reporting periods (admins: every campaign, to set periods up), newest first.</summary>
    public async Task<IReadOnlyList<ReportingCampaign>> CampaignsAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        access.RequireParticipant(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var units = actor.UnitIds.ToList();
        var campaigns = db.Campaigns.AsNoTracking();
        if (!actor.IsAdmin)
        {
            campaigns = campaigns.Where(c => c.Units.Any(u => units.Contains(u.UnitId)) && db.ReportingPeriods.Any(p => p.CampaignId == c.Id));
        }

        return await campaigns.OrderByDescending(c => c.StartDate).ThenBy(c => c.Id)
            .Select(c => new ReportingCampaign(c.Id, c.Name, c.NameEn, c.StartDate, c.EndDate, db.ReportingPeriods.Count(p => p.CampaignId == c.Id)))
            .ToListAsync(cancellationToken);
    }

    /// <summary>A coordinator's units in each period of the campaign (an admin's: every unit), latest period first.</summary>
    public async Task<IReadOnlyList<MySubmissionItem>> MineAsync(Actor actor, int campaignId, CancellationToken cancellationToken = default)
    {
        access.RequireParticipant(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var own = actor.UnitIds.ToList();
        var units = (await UnitsAsync(db, campaignId, cancellationToken)).Where(u => actor.IsAdmin || own.Contains(u.Id)).ToList();
        var ids = units.Select(u => u.Id).ToList();
        var periods = await ReportingPeriodService.Details(db.ReportingPeriods.Where(p => p.CampaignId == campaignId)).ToListAsync(cancellationToken);
        var rows = (await Rows(db.UnitSubmissions.Where(s => s.CampaignId == campaignId && ids.Contains(s.UnitId))).ToListAsync(cancellationToken))
            .ToDictionary(r => (r.ReportingPeriodId, r.UnitId));
        var open = (await db.ReturnedItems.AsNoTracking()
                .Where(r => r.CampaignId == campaignId && r.ResolvedAt == null && ids.Contains(r.Submission!.UnitId))
                .GroupBy(r => r.SubmissionId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
            .ToDictionary(g => g.Key, g => g.Count);
        var today = clock.Today;
        return periods.OrderByDescending(p => p.From).SelectMany(p => units.Select(u =>
        {
            var row = rows.GetValueOrDefault((p.Id, u.Id));
            var status = row?.Status ?? SubmissionStatus.NotStarted;
            return new MySubmissionItem(p, u.Id, u.Name, u.NameEn, status,
                SubmissionRules.IsLate(status, row?.FirstSubmittedAt, p.DueDate, clock, today), SubmissionService.Utc(row?.SubmittedAt),
                row is null ? 0 : open.GetValueOrDefault(row.Id));
        })).ToList();
    }

    private static bool Keeps(CompletenessQuery filter, UnitKind kind, SubmissionStatus status, bool late) =>
        (filter.Status is null || filter.Status == status)
        && (filter.Late is null || filter.Late == late)
        && (filter.UnitKind is null || filter.UnitKind == kind);

    private sealed record UnitRow(int Id, string Name, string? NameEn, UnitKind Kind);

    private sealed record SubmissionRow(int Id, int ReportingPeriodId, int UnitId, SubmissionStatus Status, DateTime? SubmittedAt, DateTime? FirstSubmittedAt, long Version);

    private static Task<List<UnitRow>> UnitsAsync(CampaignHubDbContext db, int campaignId, CancellationToken cancellationToken) =>
        db.Set<CampaignUnit>().AsNoTracking().Where(c => c.CampaignId == campaignId)
            .OrderBy(c => c.Unit!.Name).ThenBy(c => c.UnitId)
            .Select(c => new UnitRow(c.UnitId, c.Unit!.Name, c.Unit.NameEn, c.Unit.Kind))
            .ToListAsync(cancellationToken);

    /// <summary>The columns the board needs; never the snapshots.</summary>
    private static IQueryable<SubmissionRow> Rows(IQueryable<UnitSubmission> submissions) =>
        submissions.AsNoTracking().Select(s => new SubmissionRow(s.Id, s.ReportingPeriodId, s.UnitId, s.Status, s.SubmittedAt, s.FirstSubmittedAt, s.Version));

    private async Task<ReportingPeriodDetails> PeriodAsync(CampaignHubDbContext db, int periodId, CancellationToken cancellationToken) =>
        await ReportingPeriodService.Details(db.ReportingPeriods.Where(p => p.Id == periodId)).FirstOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException(string.Format(localizer["Reporting_Period_NotFound"], periodId));

}
