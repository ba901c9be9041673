using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Association;
using CampaignHub.Web.Features.Common;
using CampaignHub.Web.Features.Totals;
using Microsoft.EntityFrameworkCore;

namespace CampaignHub.Web.Features.Reporting;

/// <summary>
/// One thing on a submission's checklist: which event (none for the unit's campaign-level figures of a day, whose
/// <see cref="Start"/> is that day), and why it is there.
/// </summary>
public sealed record ChecklistItem(ChecklistItemKind Kind, int? EventId, string Title, DateTime Start, string? MetricCode = null, string? Detail = null);

/// <summary>The unit, period and events a checklist looks at.</summary>
public sealed record SubmissionScope(int CampaignId, int UnitId, DateOnly From, DateOnly To, IReadOnlyList<int> EventIds);

/// <summary>
/// A further check on a submission's checklist, beside the built-in ones (past events not held, held events without
/// figures, highlighted events without narrative or photos): the data-quality rules register one for unusual figures.
/// Every registered check runs each time the checklist is shown.
/// </summary>
public interface ISubmissionCheck
{
    Task<IReadOnlyList<ChecklistItem>> CheckAsync(SubmissionScope scope, CancellationToken cancellationToken);
}

/// <summary>
/// Reads a unit's figures for a period as they are now (what a submission stores, and what it is compared with) and
/// its checklist. The unit's events are those it runs or co-runs that start within the period.
/// </summary>
public sealed class SubmissionFigures(
    IDbContextFactory<CampaignHubDbContext> dbFactory,
    TotalsService totals,
    AssociationClock clock,
    IEnumerable<ISubmissionCheck> checks)
{
    public async Task<SubmissionSnapshot> CurrentAsync(int campaignId, int unitId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var sums = await totals.GetAsync(new TotalsQuery(campaignId, from, to, unitId), cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var events = Events(db, campaignId, unitId, from, to);
        var rows = await events
            .OrderBy(e => e.StartsAt).ThenBy(e => e.Id)
            .Select(e => new { e.Id, e.Title, e.Kind, e.Channel, e.Status, e.StartsAt, e.Highlight, e.Version })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var figures = (await db.MetricValues.AsNoTracking()
                .Where(v => v.EventId != null && ids.Contains(v.EventId.Value))
                .Select(v => new { EventId = v.EventId!.Value, v.Metric!.Code, v.Value })
                .ToListAsync(cancellationToken))
            .ToLookup(v => v.EventId);
        var entries = await db.MetricValues.AsNoTracking()
            .Where(v => v.CampaignId == campaignId && v.EventId == null && v.UnitId == unitId && v.Date >= from && v.Date <= to)
            .OrderBy(v => v.Date).ThenBy(v => v.Metric!.Code)
            .Select(v => new SnapshotEntry(v.Date, v.Metric!.Code, v.Value))
            .ToListAsync(cancellationToken);
        return new SubmissionSnapshot(
            sums,
            rows.Select(r => new SnapshotEvent(r.Id, r.Title, r.Kind, r.Channel, r.Status, r.StartsAt, r.Highlight, r.Version,
                figures[r.Id].ToDictionary(f => f.Code, f => f.Value))).ToList(),
            entries);
    }

    /// <summary>The built-in checks in one query, then every registered <see cref="ISubmissionCheck"/>; in date order.</summary>
    public async Task<IReadOnlyList<ChecklistItem>> ChecklistAsync(int campaignId, int unitId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await Events(db, campaignId, unitId, from, to)
            .OrderBy(e => e.StartsAt).ThenBy(e => e.Id)
            .Select(e => new
            {
                e.Id, e.Title, e.StartsAt, e.EndsAt, e.Status, e.Highlight,
                HasNarrative = e.Narrative != null && e.Narrative != "",
                HasPhotos = e.Photos.Any(),
                HasFigures = e.Figures.Any(),
            })
            .ToListAsync(cancellationToken);
        var now = clock.Now;
        var items = new List<ChecklistItem>();
        foreach (var e in rows)
        {
            if (e.Status is EventStatus.Planned or EventStatus.Confirmed && e.EndsAt < now)
            {
                items.Add(new ChecklistItem(ChecklistItemKind.PastEventNotHeld, e.Id, e.Title, e.StartsAt, Detail: Codes<EventStatus>.Of(e.Status)));
            }

            if (e.Status == EventStatus.Held && !e.HasFigures)
            {
                items.Add(new ChecklistItem(ChecklistItemKind.HeldWithoutFigures, e.Id, e.Title, e.StartsAt));
            }

            if (e.Highlight && e.Status != EventStatus.Cancelled && !e.HasNarrative)
            {
                items.Add(new ChecklistItem(ChecklistItemKind.HighlightWithoutNarrative, e.Id, e.Title, e.StartsAt));
            }

            if (e.Highlight && e.Status != EventStatus.Cancelled && !e.HasPhotos)
            {
                items.Add(new ChecklistItem(ChecklistItemKind.HighlightWithoutPhotos, e.Id, e.Title, e.StartsAt));
            }
        }

        var scope = new SubmissionScope(campaignId, unitId, from, to, rows.Select(r => r.Id).ToList());
        foreach (var check in checks)
        {
            items.AddRange(await check.CheckAsync(scope, cancellationToken));
        }

        return items.OrderBy(i => i.Start).ThenBy(i => i.EventId).ThenBy(i => i.Kind).ToList();
    }

    /// <summary>The unit's events (run alone or jointly) that start within the period.</summary>
    internal static IQueryable<CampaignEvent> Events(CampaignHubDbContext db, int campaignId, int unitId, DateOnly from, DateOnly to)
    {
        var start = from.ToDateTime(TimeOnly.MinValue);
        var end = Period.EndAfter(to);
        return db.Events.AsNoTracking().Where(e => e.CampaignId == campaignId && e.StartsAt >= start && e.StartsAt < end
                                                   && e.Units.Any(u => u.UnitId == unitId));
    }
}
