using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Common;
using CampaignHub.Web.Features.Reports.Locks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampaignHub.Web.Features.Figures;

/// <summary>
/// Figures that belong to no single event (a week's WeChat reach): values per campaign, unit and day. Admins
/// write them for any unit, coordinators for their own units, staff not at all. Every value carries a
/// version, so a stale save is refused instead of overwriting someone else's figure. A day a finalised report
/// covers is read-only: the save path refuses the save (<see cref="ReportLockGuard"/>).
/// </summary>
public sealed class CampaignFigureService(
    IDbContextFactory<CampaignHubDbContext> dbFactory, IStringLocalizer<SharedResource> localizer, UnusualFigureService unusualFigures)
{
    public async Task<IReadOnlyList<CampaignFigure>> ListAsync(int campaignId, CampaignFigureQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await FindCampaignAsync(db, campaignId, cancellationToken);
        return await ListAsync(db, campaignId, query, cancellationToken);
    }

    /// <summary>
    /// Adds or replaces the given figures of one unit on one day and returns all of that unit's figures
    /// of that day. A figure someone else saved or removed since it was read is a <see cref="ConcurrencyConflictException"/>
    /// carrying the day's figures as they are now; nothing is saved then.
    /// </summary>
    public async Task<IReadOnlyList<CampaignFigure>> SaveAsync(Actor actor, int campaignId, CampaignFigureInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var campaign = await FindCampaignAsync(db, campaignId, cancellationToken);
        // Who may write comes first: someone who may not gets 403, never a list of field errors.
        if ((!actor.IsAdmin && !actor.IsCoordinator) || (input.UnitId is { } named && !actor.CanWriteForUnits([named])))
        {
            throw new ForbiddenException(localizer["Figures_Forbidden"]);
        }

        var errors = new ValidationErrors();
        ListLimits.Check(errors, localizer, "figures", input.Figures?.Count, ListLimits.Figures);
        ListLimits.Check(errors, localizer, "versions", input.Versions?.Count, ListLimits.Figures);
        ListLimits.Check(errors, localizer, "estimated", input.Estimated?.Count, ListLimits.Figures);
        errors.ThrowIfAny();
        if (input.UnitId is not { } unitId)
        {
            errors.Add("unitId", localizer["Figures_Error_UnitRequired"]);
            unitId = 0;
        }
        else if (!await db.Units.AnyAsync(c => c.Id == unitId, cancellationToken))
        {
            errors.Add("unitId", string.Format(localizer["Event_Error_UnknownUnit"], unitId));
        }
        else if (!actor.IsAdmin && !await db.Set<CampaignUnit>().AnyAsync(c => c.CampaignId == campaignId && c.UnitId == unitId, cancellationToken))
        {
            errors.Add("unitId", string.Format(localizer["Event_Error_UnitNotInCampaign"], unitId));
        }

        if (input.Date is not { } date)
        {
            errors.Add("date", localizer["Figures_Error_DateRequired"]);
            date = default;
        }
        else if (date < campaign.StartDate || date > campaign.EndDate)
        {
            errors.Add("date", string.Format(localizer["Figures_Error_DateOutsideCampaign"],
                campaign.StartDate.ToString("yyyy-MM-dd"), campaign.EndDate.ToString("yyyy-MM-dd")));
        }

        var figures = input.Figures ?? [];
        if (figures.Count == 0)
        {
            errors.Add("figures", localizer["Figures_Error_Required"]);
        }

        var catalogue = await FigureRules.ActiveCatalogueAsync(db, cancellationToken);
        var existing = await db.MetricValues
            .Where(v => v.CampaignId == campaignId && v.EventId == null && v.UnitId == unitId && v.Date == date)
            .ToDictionaryAsync(v => v.MetricDefinitionId, cancellationToken);
        // The day's other figures stay: a relation is checked against them too (positive at most screened that day).
        var sentCodes = new HashSet<string>(figures.Keys, StringComparer.OrdinalIgnoreCase);
        var alongside = catalogue.Values.Where(m => existing.ContainsKey(m.Id) && !sentCodes.Contains(m.Code))
            .ToDictionary(m => m.Code, m => existing[m.Id].Value, StringComparer.OrdinalIgnoreCase);
        FigureRules.Validate(figures, catalogue, errors, localizer, alongside);
        FigureRules.ValidateEstimated(input.Estimated, figures, errors, localizer);
        errors.ThrowIfAny();
        RequireWriteAccess(actor, unitId);

        var estimated = input.Estimated is null ? null : new HashSet<string>(input.Estimated, StringComparer.OrdinalIgnoreCase);
        var versions = new Dictionary<string, long>(input.Versions ?? [], StringComparer.OrdinalIgnoreCase);
        var stale = false;
        foreach (var (code, value) in figures)
        {
            var metricId = catalogue[code].Id;
            var expected = versions.TryGetValue(code, out var v) ? v : (long?)null;
            if (existing.TryGetValue(metricId, out var row))
            {
                if (expected != row.Version)
                {
                    stale = true;
                    continue;
                }

                row.Value = value;
                row.IsEstimate = estimated?.Contains(code) ?? row.IsEstimate;
            }
            else if (expected is not null)
            {
                // Read once, removed since: saving it again would undo someone's deletion unseen.
                stale = true;
            }
            else
            {
                db.MetricValues.Add(new MetricValue
                {
                    CampaignId = campaignId,
                    UnitId = unitId,
                    Date = date,
                    MetricDefinitionId = metricId,
                    Value = value,
                    IsEstimate = estimated?.Contains(code) == true,
                });
            }
        }

        var day = new CampaignFigureQuery { UnitId = unitId, From = date, To = date };
        if (stale)
        {
            throw new ConcurrencyConflictException(localizer["Figures_Conflict"], await ListAsync(db, campaignId, day, cancellationToken));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A concurrent save changed a row (version) or created the same one first (unique index): report the day as it is now.
            throw new ConcurrencyConflictException(localizer["Figures_Conflict"], await ListFreshAsync(campaignId, day, cancellationToken));
        }

        var warnings = (await unusualFigures.ForEntriesAsync(campaignId, unitId, date, figures, cancellationToken))
            .ToDictionary(w => w.Code, w => w.Message, StringComparer.OrdinalIgnoreCase);
        return (await ListAsync(db, campaignId, day, cancellationToken))
            .Select(f => warnings.TryGetValue(f.Code, out var warning) ? f with { Warning = warning } : f).ToList();
    }

    /// <summary>Removes one campaign-level figure; with a version, only if nobody changed it since.</summary>
    public async Task DeleteAsync(Actor actor, int campaignId, long figureId, long? version, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.MetricValues.FirstOrDefaultAsync(v => v.Id == figureId && v.CampaignId == campaignId && v.EventId == null, cancellationToken)
                  ?? throw new NotFoundException(string.Format(localizer["Figures_NotFound"], figureId));
        RequireWriteAccess(actor, row.UnitId ?? 0);
        var day = new CampaignFigureQuery { UnitId = row.UnitId, From = row.Date, To = row.Date };
        if (version is { } expected)
        {
            if (row.Version != expected)
            {
                throw new ConcurrencyConflictException(localizer["Figures_Conflict"], await ListAsync(db, campaignId, day, cancellationToken));
            }

            db.Entry(row).Property(v => v.Version).OriginalValue = expected;
        }

        db.MetricValues.Remove(row);
        await db.SaveOrConflictAsync(localizer["Figures_Conflict"], () => ListFreshAsync(campaignId, day, cancellationToken), cancellationToken);
    }

    private async Task<Campaign> FindCampaignAsync(CampaignHubDbContext db, int campaignId, CancellationToken cancellationToken) =>
        await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId, cancellationToken)
        ?? throw new NotFoundException(string.Format(localizer["Campaign_NotFound"], campaignId));

    private void RequireWriteAccess(Actor actor, int unitId)
    {
        if (!actor.CanWriteForUnits([unitId]))
        {
            throw new ForbiddenException(localizer["Figures_Forbidden"]);
        }
    }

    private async Task<IReadOnlyList<CampaignFigure>> ListFreshAsync(int campaignId, CampaignFigureQuery query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await ListAsync(db, campaignId, query, cancellationToken);
    }

    private static async Task<IReadOnlyList<CampaignFigure>> ListAsync(CampaignHubDbContext db, int campaignId, CampaignFigureQuery query, CancellationToken cancellationToken)
    {
        var values = db.MetricValues.AsNoTracking().Where(v => v.CampaignId == campaignId && v.EventId == null);
        if (query.UnitId is { } unitId)
        {
            values = values.Where(v => v.UnitId == unitId);
        }

        if (query.From is { } from)
        {
            values = values.Where(v => v.Date >= from);
        }

        if (query.To is { } to)
        {
            values = values.Where(v => v.Date <= to);
        }

        if (!string.IsNullOrWhiteSpace(query.Metric))
        {
            var code = query.Metric.Trim();
            values = values.Where(v => v.Metric!.Code == code);
        }

        var rows = await values
            .OrderBy(v => v.Date).ThenBy(v => v.UnitId).ThenBy(v => v.Metric!.SortOrder).ThenBy(v => v.Id)
            .Select(v => new
            {
                v.Id,
                v.CampaignId,
                v.UnitId,
                UnitName = v.Unit != null ? v.Unit.Name : null,
                v.Date,
                v.Metric!.Code,
                v.Value,
                v.IsEstimate,
                v.UpdatedAt,
                v.Version,
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new CampaignFigure(r.Id, r.CampaignId, r.UnitId, r.UnitName, r.Date, r.Code, r.Value, r.UpdatedAt, r.Version) { Estimated = r.IsEstimate }).ToList();
    }
}
