using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampaignHub.Web.Features.Totals;

/// <summary>
/// Counts and sums a campaign's events and figures in the database (two grouped queries, never loading rows).
/// Cancelled events and their figures do not count. A joint event counts once in the campaign's totals; with a
/// unit filter it counts for each of its units, and so do its figures.
/// </summary>
public sealed class TotalsService(IDbContextFactory<CampaignHubDbContext> dbFactory, IStringLocalizer<SharedResource> localizer)
{
    public async Task<CampaignTotals> GetAsync(TotalsQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var campaign = await db.Campaigns.AsNoTracking()
            .Where(c => c.Id == query.CampaignId)
            .Select(c => new { c.StartDate, c.EndDate })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException(string.Format(localizer["Campaign_NotFound"], query.CampaignId));

        var from = query.From ?? campaign.StartDate;
        var to = query.To ?? campaign.EndDate;
        if (to < from)
        {
            var errors = new ValidationErrors();
            errors.Add("to", localizer["Totals_Error_ToBeforeFrom"]);
            errors.ThrowIfAny();
        }

        var start = from.ToDateTime(TimeOnly.MinValue);
        var end = Period.EndAfter(to);
        var events = db.Events.AsNoTracking()
            .Where(e => e.CampaignId == query.CampaignId && e.Status != EventStatus.Cancelled
                        && e.StartsAt >= start && e.StartsAt < end);
        if (query.UnitId is { } unitId)
        {
            events = events.Where(e => e.Units.Any(c => c.UnitId == unitId));
        }

        var among = query.Units?.ToList();
        if (among is not null)
        {
            events = events.Where(e => e.Units.Any(c => among.Contains(c.UnitId)));
        }

        var counts = await events
            .GroupBy(e => new { e.Kind, e.Channel })
            .Select(g => new { g.Key.Kind, g.Key.Channel, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var values = db.MetricValues.AsNoTracking()
            .Where(v => v.CampaignId == query.CampaignId && v.Date >= from && v.Date <= to
                        && (v.EventId == null || v.Event!.Status != EventStatus.Cancelled));
        if (query.UnitId is { } unit)
        {
            values = values.Where(v => v.EventId == null
                ? v.UnitId == unit
                : v.Event!.Units.Any(c => c.UnitId == unit));
        }

        if (among is not null)
        {
            values = values.Where(v => v.EventId == null
                ? v.UnitId != null && among.Contains(v.UnitId.Value)
                : v.Event!.Units.Any(c => among.Contains(c.UnitId)));
        }

        var sums = await values
            .GroupBy(v => v.MetricDefinitionId)
            .Select(g => new { MetricId = g.Key, Sum = g.Sum(v => v.Value) })
            .ToListAsync(cancellationToken);
        // The estimated part of each sum, apart from the counted rest: same rows, only those marked as estimates.
        var estimatedSums = await values.Where(v => v.IsEstimate)
            .GroupBy(v => v.MetricDefinitionId)
            .Select(g => new { MetricId = g.Key, Sum = g.Sum(v => v.Value) })
            .ToListAsync(cancellationToken);
        var codes = await db.MetricDefinitions.AsNoTracking()
            .OrderBy(m => m.SortOrder).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.Code })
            .ToListAsync(cancellationToken);

        var byKind = counts
            .GroupBy(c => c.Kind)
            .OrderBy(g => g.Key)
            .ToDictionary(
                g => Codes<EventKind>.Of(g.Key),
                g => new ChannelCounts(
                    g.Where(c => c.Channel == EventChannel.Online).Sum(c => c.Count),
                    g.Where(c => c.Channel == EventChannel.Offline).Sum(c => c.Count)));
        var sumById = sums.ToDictionary(s => s.MetricId, s => s.Sum);
        var metrics = codes.Where(m => sumById.ContainsKey(m.Id)).ToDictionary(m => m.Code, m => sumById[m.Id]);
        var estimatedById = estimatedSums.Where(s => s.Sum != 0).ToDictionary(s => s.MetricId, s => s.Sum);
        var estimated = codes.Where(m => estimatedById.ContainsKey(m.Id)).ToDictionary(m => m.Code, m => estimatedById[m.Id]);
        return new CampaignTotals(counts.Sum(c => c.Count), byKind, metrics) { Estimated = estimated };
    }
}
