using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampaignHub.Web.Features.Figures;

/// <summary>
/// The submission checklist's unusual figures: each figure of the unit's events in the period, and each of the unit's
/// campaign-level figures of a day in it, that <see cref="OutlierRule"/> finds far above the unit's and the campaign's
/// usual, with what it is and what is usual. The coordinator sees them before submitting, the reviewer on the review
/// page; nothing is blocked.
/// </summary>
public sealed class UnusualFiguresCheck(
    IDbContextFactory<CampaignHubDbContext> dbFactory, UnusualFigureService unusual, IStringLocalizer<SharedResource> localizer) : ISubmissionCheck
{
    public async Task<IReadOnlyList<ChecklistItem>> CheckAsync(SubmissionScope scope, CancellationToken cancellationToken)
    {
        var items = new List<ChecklistItem>();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (scope.EventIds.Count > 0)
        {
            var ids = scope.EventIds.ToList();
            var figures = await db.MetricValues.AsNoTracking()
                .Where(v => v.EventId != null && ids.Contains(v.EventId.Value) && v.Event!.Status != EventStatus.Cancelled)
                .Select(v => new { EventId = v.EventId!.Value, v.Event!.Title, v.Event.Kind, v.Event.StartsAt, v.Metric!.Code, v.Value })
                .ToListAsync(cancellationToken);
            foreach (var e in figures.GroupBy(f => new { f.EventId, f.Title, f.Kind, f.StartsAt }))
            {
                var warnings = await unusual.ForEventAsync(scope.CampaignId, e.Key.Kind, [scope.UnitId], e.Key.StartsAt, e.Key.EventId,
                    e.ToDictionary(f => f.Code, f => f.Value, StringComparer.OrdinalIgnoreCase), cancellationToken);
                items.AddRange(warnings.Select(w => new ChecklistItem(ChecklistItemKind.UnusualFigure, e.Key.EventId, e.Key.Title, e.Key.StartsAt, w.Code, w.Message)));
            }
        }

        // The unit's campaign-level figures count in the submission's totals as much as its events' do.
        var entries = await db.MetricValues.AsNoTracking()
            .Where(v => v.CampaignId == scope.CampaignId && v.EventId == null && v.UnitId == scope.UnitId
                        && v.Date >= scope.From && v.Date <= scope.To)
            .Select(v => new { v.Date, v.Metric!.Code, v.Value })
            .ToListAsync(cancellationToken);
        foreach (var day in entries.GroupBy(v => v.Date))
        {
            var warnings = await unusual.ForEntriesAsync(scope.CampaignId, scope.UnitId, day.Key,
                day.ToDictionary(f => f.Code, f => f.Value, StringComparer.OrdinalIgnoreCase), cancellationToken);
            items.AddRange(warnings.Select(w => new ChecklistItem(
                ChecklistItemKind.UnusualFigure, null, localizer["CampaignFigures_Title"], day.Key.ToDateTime(TimeOnly.MinValue), w.Code, w.Message)));
        }

        return items;
    }
}
