using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Reporting;
using Microsoft.EntityFrameworkCore;

namespace CampaignHub.Web.Features.Figures;

/// <summary>
/// The submission checklist's unusual figures: each figure of the unit's events in the period that
/// <see cref="OutlierRule"/> finds far above the unit's and the campaign's usual, with what it is and what is usual. The
/// coordinator sees them before submitting, the reviewer on the review page; nothing is blocked.
/// </summary>
public sealed class UnusualFiguresCheck(IDbContextFactory<CampaignHubDbContext> dbFactory, UnusualFigureService unusual) : ISubmissionCheck
{
    public async Task<IReadOnlyList<ChecklistItem>> CheckAsync(SubmissionScope scope, CancellationToken cancellationToken)
    {
        if (scope.EventIds.Count == 0)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ids = scope.EventIds.ToList();
        var figures = await db.MetricValues.AsNoTracking()
            .Where(v => v.EventId != null && ids.Contains(v.EventId.Value) && v.Event!.Status != EventStatus.Cancelled)
            .Select(v => new { EventId = v.EventId!.Value, v.Event!.Title, v.Event.Kind, v.Event.StartsAt, v.Metric!.Code, v.Value })
            .ToListAsync(cancellationToken);
        var items = new List<ChecklistItem>();
        foreach (var e in figures.GroupBy(f => new { f.EventId, f.Title, f.Kind, f.StartsAt }))
        {
            var warnings = await unusual.ForEventAsync(scope.CampaignId, e.Key.Kind, [scope.UnitId], e.Key.StartsAt, e.Key.EventId,
                e.ToDictionary(f => f.Code, f => f.Value, StringComparer.OrdinalIgnoreCase), cancellationToken);
            items.AddRange(warnings.Select(w => new ChecklistItem(ChecklistItemKind.UnusualFigure, e.Key.EventId, e.Key.Title, e.Key.StartsAt, w.Code, w.Message)));
        }

        return items;
    }
}
