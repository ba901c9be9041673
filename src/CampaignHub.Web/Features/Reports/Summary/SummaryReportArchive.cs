using System.Text.Json;
using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Common;
using CampaignHub.Web.Features.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampaignHub.Web.Features.Reports.Summary;

/// <summary>
/// Finalised summary reports: an admin finalises one (its PDF and a JSON snapshot of its statistics are stored as
/// they were), admins and coordinators list and download them, and an admin unlocks one with a reason. The audit
/// trail records both. While a report is locked its period's events and figures are locked too (ReportLockService).
/// </summary>
public sealed class SummaryReportArchive(
    IDbContextFactory<CampaignHubDbContext> dbFactory,
    SummaryReportService reports,
    Drafts.ReportDraftService drafts,
    ReportApprovals approvals,
    IStringLocalizer<SharedResource> localizer)
{
    public const int ReasonMaxLength = 500;
    private const int TitleMaxLength = 300;

    private static readonly JsonSerializerOptions SnapshotOptions = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Renders the report and stores it. A report of the same campaign, period, unit and language that is still
    /// locked is a conflict (409): unlock it first, so a correction is always visible as a new report.
    /// </summary>
    /// <remarks>
    /// With <paramref name="draftId"/>, the edited draft (of the same campaign) is what is stored.
    /// The check, the snapshot and the lock are one write transaction (the database's write lock, taken before the
    /// check reads): no event or figure write can land between the figures being read and the period being locked
    /// (each save checks the locks inside the same kind of transaction, CampaignHubDbContext), and of several
    /// finalise requests at once one stores the report and the others get the 409. The unique index on the locked
    /// reports backs this up for any provider and any number of app instances.
    /// </remarks>
    public async Task<FinalisedReportItem> FinaliseAsync(Actor actor, SummaryReportQuery query, int? draftId = null, CancellationToken cancellationToken = default)
    {
        actor.RequireAdmin(localizer["Report_Finalise_Forbidden"]);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        FinalisedReport entity;
        await using (var transaction = await db.BeginWriteTransactionAsync(cancellationToken, excludingOtherWriters: true))
        {
            var report = draftId is { } id0 ? await drafts.BuildAsync(actor, id0, cancellationToken) : await reports.BuildAsync(actor, query, cancellationToken);
            if (report.CampaignId != query.CampaignId)
            {
                throw new NotFoundException(string.Format(localizer["ReportDraft_NotFound"], draftId));
            }

            await ThrowIfStillLockedAsync(db, report, cancellationToken);
            await ThrowUnlessSettledAsync(report, cancellationToken);

            var file = await reports.RenderPdfAsync(report, cancellationToken);
            entity = new FinalisedReport
            {
                CampaignId = report.CampaignId,
                UnitId = report.UnitId,
                From = report.From,
                To = report.To,
                Language = report.Language,
                Title = report.Title.Length > TitleMaxLength ? report.Title[..TitleMaxLength] : report.Title,
                FinalisedAt = DateTime.UtcNow,
                FinalisedById = actor.UserId,
                Pdf = file.Content,
                Docx = reports.RenderDocx(report).Content,
                DraftId = report.DraftId,
                Snapshot = JsonSerializer.Serialize(report.Statistics, SnapshotOptions),
            };
            db.FinalisedReports.Add(entity);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException) when (!cancellationToken.IsCancellationRequested)
            {
                // Another instance locked the same report first (the unique index): the same 409 as the check's.
                await transaction.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                await ThrowIfStillLockedAsync(db, report, cancellationToken);
                throw;
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return (await ItemsAsync(db, db.FinalisedReports.Where(r => r.Id == entity.Id), cancellationToken))[0];
    }

    /// <summary>
    /// Where the campaign has reporting periods in the report's dates, every unit of the report must be approved or
    /// excused in each of them: a 409 naming the others (and their status in each period) otherwise. Campaigns
    /// without periods finalise as before.
    /// </summary>
    private async Task ThrowUnlessSettledAsync(SummaryReport report, CancellationToken cancellationToken)
    {
        var approval = await approvals.GetAsync(report.CampaignId, report.From, report.To, report.UnitId, cancellationToken);
        if (!approval.Applies || approval.AllSettled)
        {
            return;
        }

        var english = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        var names = string.Join(english ? ", " : "、", approval.Pending.Take(SummaryReportService.MaxUnitsNamedInNote).Select(p => p.LocalName(english)))
                    + (approval.Pending.Count > SummaryReportService.MaxUnitsNamedInNote ? " …" : "");
        throw new ConcurrencyConflictException(
            string.Format(localizer["Report_Finalise_NotApproved"], approval.Pending.Count, names),
            new { units = approval.Pending });
    }

    private async Task ThrowIfStillLockedAsync(CampaignHubDbContext db, SummaryReport report, CancellationToken cancellationToken)
    {
        var existing = await db.FinalisedReports.AsNoTracking()
            .Where(r => r.CampaignId == report.CampaignId && r.UnitId == report.UnitId && r.From == report.From
                        && r.To == report.To && r.Language == report.Language && r.UnlockedAt == null)
            .Select(r => (int?)r.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (existing is { } id)
        {
            var current = await ItemsAsync(db, db.FinalisedReports.Where(r => r.Id == id), cancellationToken);
            throw new ConcurrencyConflictException(
                string.Format(localizer["Report_Finalise_Exists"], current[0].FinalisedAt.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)),
                current[0]);
        }
    }

    /// <summary>A campaign's finalised reports, newest first.</summary>
    public async Task<IReadOnlyList<FinalisedReportItem>> ListAsync(Actor actor, int campaignId, CancellationToken cancellationToken = default)
    {
        reports.RequireReader(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Campaigns.AnyAsync(c => c.Id == campaignId, cancellationToken))
        {
            throw new NotFoundException(string.Format(localizer["Campaign_NotFound"], campaignId));
        }

        return await ItemsAsync(db, db.FinalisedReports.Where(r => r.CampaignId == campaignId), cancellationToken);
    }

    /// <summary>The stored PDF, byte for byte as it was finalised.</summary>
    public async Task<ReportFile> GetPdfAsync(Actor actor, int id, CancellationToken cancellationToken = default)
    {
        reports.RequireReader(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.FinalisedReports.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new { r.Title, r.From, r.To, r.Pdf })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw NotFound(id);
        return new ReportFile(SummaryReportService.FileName(stored.Title, stored.From, stored.To, "pdf"), "application/pdf", stored.Pdf);
    }

    /// <summary>The stored Word file, byte for byte as it was finalised.</summary>
    public async Task<ReportFile> GetDocxAsync(Actor actor, int id, CancellationToken cancellationToken = default)
    {
        reports.RequireReader(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.FinalisedReports.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new { r.Title, r.From, r.To, r.Docx })
            .FirstOrDefaultAsync(cancellationToken);
        if (stored?.Docx is null)
        {
            throw NotFound(id);
        }

        return new ReportFile(SummaryReportService.FileName(stored.Title, stored.From, stored.To, "docx"), Word.SummaryReportDocx.ContentType, stored.Docx);
    }

    /// <summary>
    /// Unlocks a report so its period can be corrected; the reason is required and the audit trail keeps it. With
    /// <paramref name="version"/>, only if nobody changed the report since.
    /// </summary>
    public async Task<FinalisedReportItem> UnlockAsync(Actor actor, int id, string? reason, long? version, CancellationToken cancellationToken = default)
    {
        actor.RequireAdmin(localizer["Report_Finalise_Forbidden"]);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entity = await db.FinalisedReports.FirstOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw NotFound(id);

        var errors = new ValidationErrors();
        var text = reason?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            errors.Add("reason", localizer["Report_Unlock_ReasonRequired"]);
        }
        else if (text.Length > ReasonMaxLength)
        {
            errors.Add("reason", string.Format(localizer["Error_TooLong"], ReasonMaxLength));
        }

        errors.ThrowIfAny();
        if (entity.UnlockedAt is not null || (version is { } expected && expected != entity.Version))
        {
            var current = (await ItemsAsync(db, db.FinalisedReports.Where(r => r.Id == id), cancellationToken))[0];
            throw new ConcurrencyConflictException(
                localizer[entity.UnlockedAt is not null ? "Report_Unlock_AlreadyUnlocked" : "Report_Unlock_Stale"], current);
        }

        entity.UnlockedAt = DateTime.UtcNow;
        entity.UnlockedById = actor.UserId;
        entity.UnlockReason = text;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw new ConcurrencyConflictException(localizer["Report_Unlock_Stale"],
                (await ItemsAsync(db, db.FinalisedReports.Where(r => r.Id == id), cancellationToken))[0]);
        }

        return (await ItemsAsync(db, db.FinalisedReports.Where(r => r.Id == id), cancellationToken))[0];
    }

    private NotFoundException NotFound(int id) => new(string.Format(localizer["Report_Archive_NotFound"], id));

    /// <summary>The listed fields only: the PDF and the snapshot stay in the database.</summary>
    private static async Task<List<FinalisedReportItem>> ItemsAsync(CampaignHubDbContext db, IQueryable<FinalisedReport> reports, CancellationToken cancellationToken)
    {
        var english = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        var rows = await reports.AsNoTracking()
            .OrderByDescending(r => r.FinalisedAt).ThenByDescending(r => r.Id)
            .Select(r => new
            {
                r.Id, r.CampaignId, r.UnitId, UnitName = r.Unit != null ? r.Unit.Name : null,
                UnitNameEn = r.Unit != null ? r.Unit.NameEn : null,
                r.From, r.To, r.Language, r.Title, r.FinalisedAt, r.FinalisedById, r.UnlockedAt, r.UnlockedById, r.UnlockReason,
                PdfBytes = r.Pdf.Length, r.Version,
            })
            .ToListAsync(cancellationToken);
        var userIds = rows.Select(r => r.FinalisedById).Concat(rows.Where(r => r.UnlockedById != null).Select(r => r.UnlockedById!)).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.Email })
            .ToDictionaryAsync(u => u.Id, u => string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email ?? u.Id : u.DisplayName, cancellationToken);
        return rows.Select(r => new FinalisedReportItem(
                r.Id, r.CampaignId, r.UnitId,
                r.UnitName is null ? null : english && !string.IsNullOrWhiteSpace(r.UnitNameEn) ? r.UnitNameEn : r.UnitName,
                r.From, r.To, r.Language, r.Title, r.FinalisedAt, users.GetValueOrDefault(r.FinalisedById, r.FinalisedById),
                r.UnlockedAt is null, r.UnlockedAt, r.UnlockedById is null ? null : users.GetValueOrDefault(r.UnlockedById, r.UnlockedById),
                r.UnlockReason, r.PdfBytes, r.Version))
            .ToList();
    }
}
