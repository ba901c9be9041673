using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Figures;
using Microsoft.EntityFrameworkCore;

namespace CampaignHub.Web.Features.Events;

/// <summary>
/// What <see cref="EventInputValidator"/> needs to know from the database, read beforehand: for one event (the form
/// and the API, through <see cref="EventService"/>) or once for a whole spreadsheet (no query per row).
/// </summary>
/// <param name="Units">Units that exist (at least those the input names).</param>
/// <param name="Participating">Units taking part in the campaign (at least those the input names).</param>
/// <param name="Catalogue">The active metrics by code (any case).</param>
public sealed record EventRuleContext(
    bool CampaignExists,
    IReadOnlySet<int> Units,
    IReadOnlySet<int> Participating,
    IReadOnlySet<int> Venues,
    IReadOnlySet<int> Organisations,
    IReadOnlyDictionary<string, MetricDefinition> Catalogue)
{
    /// <summary>The units a saved event has now; null for a new event (a joint event may be logged by any of its coordinators).</summary>
    public IReadOnlySet<int>? CurrentUnits { get; init; }

    /// <summary>Reads what one event's input refers to.</summary>
    public static async Task<EventRuleContext> ForAsync(CampaignHubDbContext db, EventInput input, CancellationToken cancellationToken)
    {
        var named = input.UnitIds.Distinct().ToList();
        var venues = input.VenueId is { } venueId && await db.Venues.AnyAsync(v => v.Id == venueId, cancellationToken) ? [venueId] : Array.Empty<int>();
        // The stop's host and the next stop's host.
        int[] namedHosts = [.. new[] { input.HostOrganisationId, input.NextHostOrganisationId }.OfType<int>().Distinct()];
        var hosts = namedHosts.Length == 0 ? new List<int>() : await db.Organisations.Where(o => namedHosts.Contains(o.Id)).Select(o => o.Id).ToListAsync(cancellationToken);
        return new EventRuleContext(
            await db.Campaigns.AnyAsync(c => c.Id == input.CampaignId, cancellationToken),
            (await db.Units.Where(c => named.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken)).ToHashSet(),
            (await db.Set<CampaignUnit>().Where(c => c.CampaignId == input.CampaignId && named.Contains(c.UnitId))
                .Select(c => c.UnitId).ToListAsync(cancellationToken)).ToHashSet(),
            venues.ToHashSet(),
            hosts.ToHashSet(),
            input.Figures is null ? new Dictionary<string, MetricDefinition>() : await FigureRules.ActiveCatalogueAsync(db, cancellationToken));
    }

    /// <summary>Reads everything the rows of one campaign's spreadsheet may refer to (they name no venues or hosts).</summary>
    public static async Task<EventRuleContext> ForCampaignAsync(CampaignHubDbContext db, int campaignId, CancellationToken cancellationToken) =>
        new(
            await db.Campaigns.AnyAsync(c => c.Id == campaignId, cancellationToken),
            (await db.Units.Select(c => c.Id).ToListAsync(cancellationToken)).ToHashSet(),
            (await db.Set<CampaignUnit>().Where(c => c.CampaignId == campaignId).Select(c => c.UnitId).ToListAsync(cancellationToken)).ToHashSet(),
            new HashSet<int>(),
            new HashSet<int>(),
            await FigureRules.ActiveCatalogueAsync(db, cancellationToken));
}
