using CampaignHub.Web.Data;
using CampaignHub.Web.Features.Figures;
using Microsoft.EntityFrameworkCore;

namespace CampaignHub.Web.Features.Events;

/// <summary>Reads the choices of the event pages in one go; these lists are short (dozens to hundreds of rows).</summary>
public sealed class EventLookupService(IDbContextFactory<CampaignHubDbContext> dbFactory)
{
    public async Task<EventLookups> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var campaigns = await db.Campaigns.AsNoTracking()
            .OrderByDescending(c => c.StartDate).ThenBy(c => c.Name)
            .Select(c => new CampaignOption(c.Id, c.Name, c.NameEn, c.StartDate, c.EndDate))
            .ToListAsync(cancellationToken);
        var units = await db.Units.AsNoTracking()
            .OrderBy(c => c.Id)
            .Select(c => new UnitOption(c.Id, c.Name, c.NameEn))
            .ToListAsync(cancellationToken);
        var venues = await db.Venues.AsNoTracking()
            .OrderBy(v => v.Organisation!.Name).ThenBy(v => v.Name)
            .Select(v => new VenueOption(v.Id, v.Name, v.Organisation!.Name))
            .ToListAsync(cancellationToken);
        var organisations = await db.Organisations.AsNoTracking()
            .OrderBy(o => o.Name)
            .Select(o => new OrganisationOption(o.Id, o.Name, o.NameEn))
            .ToListAsync(cancellationToken);
        var metrics = await MetricsAsync(db, cancellationToken);
        return new EventLookups(campaigns, units, venues, organisations, metrics);
    }

    /// <summary>The active catalogue in the order the forms and the report show it, with the event kinds each metric fits.</summary>
    public async Task<IReadOnlyList<MetricOption>> GetMetricsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await MetricsAsync(db, cancellationToken);
    }

    private static async Task<IReadOnlyList<MetricOption>> MetricsAsync(CampaignHubDbContext db, CancellationToken cancellationToken) =>
        await db.MetricDefinitions.AsNoTracking()
            .Where(m => m.IsActive)
            .OrderBy(m => m.SortOrder).ThenBy(m => m.Id)
            .Select(m => new MetricOption(m.Id, m.Code, m.Name, m.NameEn, m.Unit, m.UnitEn, m.Group, m.SortOrder,
                m.IsCount, m.AppliesTo.Select(a => a.Kind).ToList(), m.MinValue, m.MaxValue, m.AtMostCode))
            .ToListAsync(cancellationToken);
}
