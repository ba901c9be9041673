using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace CampaignHub.Web.Features.Events;

/// <summary>Reading events: the list (filtered, sorted and paged in the database) and one event as shown and returned.</summary>
public sealed partial class EventService
{
    public async Task<PagedResult<EventListItem>> ListAsync(EventQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var events = Filter(db.Events.AsNoTracking(), query);
        var total = await events.CountAsync(cancellationToken);

        events = (query.SortBy?.ToLowerInvariant(), query.Descending) switch
        {
            ("title", false) => events.OrderBy(e => e.Title).ThenBy(e => e.Id),
            ("title", true) => events.OrderByDescending(e => e.Title).ThenBy(e => e.Id),
            ("kind", false) => events.OrderBy(e => e.Kind).ThenBy(e => e.StartsAt).ThenBy(e => e.Id),
            ("kind", true) => events.OrderByDescending(e => e.Kind).ThenBy(e => e.StartsAt).ThenBy(e => e.Id),
            ("status", false) => events.OrderBy(e => e.Status).ThenBy(e => e.StartsAt).ThenBy(e => e.Id),
            ("status", true) => events.OrderByDescending(e => e.Status).ThenBy(e => e.StartsAt).ThenBy(e => e.Id),
            (_, true) => events.OrderByDescending(e => e.StartsAt).ThenByDescending(e => e.Id),
            _ => events.OrderBy(e => e.StartsAt).ThenBy(e => e.Id),
        };

        var size = Math.Clamp(query.PageSize, 1, EventQuery.MaxPageSize);
        // Far past the last page is an empty page, never an overflowing offset.
        var page = Math.Clamp(query.Page, 1, int.MaxValue / size);
        var rows = await events
            .Skip((page - 1) * size)
            .Take(size)
            .Select(e => new
            {
                e.Id,
                e.CampaignId,
                CampaignName = e.Campaign!.Name,
                e.Title,
                e.Kind,
                e.Channel,
                e.StartsAt,
                e.EndsAt,
                e.Status,
                e.Highlight,
                Place = e.Venue != null ? e.Venue.Name : e.HostOrganisation != null ? e.HostOrganisation.Name : e.Location,
            })
            .ToListAsync(cancellationToken);

        var ids = rows.Select(r => r.Id).ToList();
        var units = await db.EventUnits.AsNoTracking().Where(c => ids.Contains(c.EventId)).UnitNamesByEventAsync(cancellationToken);

        var items = rows.Select(r => new EventListItem(r.Id, r.CampaignId, r.CampaignName, r.Title, r.Kind,
                r.Channel, r.StartsAt, r.EndsAt, r.Status, r.Highlight, r.Place, units[r.Id].ToList()))
            .ToList();
        return new PagedResult<EventListItem>(items, total, page, size);
    }

    private static IQueryable<CampaignEvent> Filter(IQueryable<CampaignEvent> events, EventQuery query)
    {
        events = events.WhereMatches(query.CampaignId, query.UnitId, query.Kind, query.Channel);

        if (Codes<EventStatus>.TryParse(query.Status, out var status))
        {
            events = events.Where(e => e.Status == status);
        }

        if (query.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue);
            events = events.Where(e => e.StartsAt >= start);
        }

        if (query.To is { } to)
        {
            var end = Period.EndAfter(to);
            events = events.Where(e => e.StartsAt < end);
        }

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim();
            events = events.Where(e => e.Title.Contains(text) || (e.Location != null && e.Location.Contains(text)));
        }

        return events;
    }

    public async Task<EventDetails?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entity = await LoadAsync(db, id, tracking: false, cancellationToken);
        return entity is null ? null : await ToDetailsAsync(db, entity, cancellationToken);
    }

    private static Task<CampaignEvent?> LoadAsync(CampaignHubDbContext db, int id, bool tracking, CancellationToken cancellationToken)
    {
        var query = db.Events
            .Include(e => e.Units)
            .Include(e => e.Speakers)
            .Include(e => e.Figures)
            .AsSplitQuery();
        return (tracking ? query : query.AsNoTracking()).FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
    }

    private async Task<EventDetails> ToDetailsAsync(CampaignHubDbContext db, CampaignEvent entity, CancellationToken cancellationToken)
    {
        var unitIds = entity.Units.Select(c => c.UnitId).ToList();
        var lookups = await db.Campaigns.AsNoTracking().Where(c => c.Id == entity.CampaignId)
            .Select(c => new
            {
                c.Name,
                Venue = db.Venues.Where(v => v.Id == entity.VenueId).Select(v => v.Name).FirstOrDefault(),
                Host = db.Organisations.Where(o => o.Id == entity.HostOrganisationId).Select(o => o.Name).FirstOrDefault(),
                NextHost = db.Organisations.Where(o => o.Id == entity.NextHostOrganisationId).Select(o => o.Name).FirstOrDefault(),
            })
            .FirstAsync(cancellationToken);
        var unitNames = await db.Units.AsNoTracking().Where(c => unitIds.Contains(c.Id))
            .OrderBy(c => c.Id).Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken);
        var codes = await db.MetricDefinitions.AsNoTracking().ToDictionaryAsync(m => m.Id, m => m.Code, cancellationToken);
        var photos = await db.EventPhotos.AsNoTracking().Where(p => p.EventId == entity.Id)
            .OrderBy(p => p.Id).Select(p => new PhotoDetails(p.Id, p.FileName, p.Length, p.Caption)).ToListAsync(cancellationToken);

        return new EventDetails(
            entity.Id, entity.CampaignId, lookups.Name,
            unitNames.Select(c => c.Id).ToList(), unitNames.Select(c => c.Name).ToList(),
            entity.Title, entity.Kind, entity.Channel, entity.Platform, entity.PlatformDetail,
            entity.StartsAt, entity.EndsAt, entity.VenueId, lookups.Venue, entity.HostOrganisationId, lookups.Host,
            entity.Location, entity.SeriesName, entity.StopNumber, entity.Narrative, entity.Status,
            entity.Highlight,
            entity.Speakers.OrderBy(s => s.SortOrder)
                .Select(s => new PersonDetails(s.Role, s.Name, s.Position, s.Department, s.Affiliation, s.TalkTitle, s.Topic)).ToList(),
            photos,
            entity.Figures.OrderBy(f => f.MetricDefinitionId).ToDictionary(f => codes[f.MetricDefinitionId], f => f.Value),
            entity.UpdatedAt, entity.Version)
        {
            SectionGroup = entity.SectionGroup,
            Link = entity.Link,
            TitleEn = entity.TitleEn,
            NarrativeEn = entity.NarrativeEn,
            SectionGroupEn = entity.SectionGroupEn,
            NextHostOrganisationId = entity.NextHostOrganisationId,
            NextHostOrganisationName = lookups.NextHost,
            HandoverFrom = entity.HandoverFrom,
            HandoverTo = entity.HandoverTo,
            ExpertTeamSize = entity.ExpertTeamSize,
            Estimated = entity.Figures.Where(f => f.IsEstimate).OrderBy(f => f.MetricDefinitionId).Select(f => codes[f.MetricDefinitionId]).ToList(),
        };
    }
}
