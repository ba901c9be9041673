using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Events;
using Microsoft.EntityFrameworkCore;

namespace CampaignHub.Web.Features.Schedule;

/// <summary>
/// The events of all campaigns in a period, for the day, week and month calendars and the agenda. Schedules are
/// readable by every signed-in user, so there is no actor here. Two queries whatever the period: the events (with
/// their place and the number of people on duty) and the unit names of those events.
/// </summary>
public sealed class ScheduleService(IDbContextFactory<CampaignHubDbContext> dbFactory)
{
    /// <summary>
    /// An event that began up to this many days before a period and is still going shows in it too. The bound keeps
    /// the query on the StartsAt index; anything longer is a campaign, not an event.
    /// </summary>
    public const int MaxEventDays = 31;

    public async Task<ScheduleResult> ListAsync(ScheduleQuery query, CancellationToken cancellationToken = default)
    {
        var from = query.From.ToDateTime(TimeOnly.MinValue);
        var to = query.To.ToDateTime(TimeOnly.MinValue);
        if (to <= from)
        {
            return ScheduleResult.Empty;
        }

        var earliest = from.AddDays(-MaxEventDays);
        var limit = Math.Clamp(query.Limit, 1, ScheduleQuery.MaxEntries);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await Filter(db.Events.AsNoTracking(), query)
            .Where(e => e.StartsAt >= earliest && e.StartsAt < to && (e.StartsAt >= from || e.EndsAt > from))
            .OrderBy(e => e.StartsAt).ThenBy(e => e.Id)
            .Take(limit + 1)
            .Select(e => new
            {
                e.Id,
                e.CampaignId,
                e.Title,
                e.Kind,
                e.Channel,
                e.Platform,
                e.Status,
                e.StartsAt,
                e.EndsAt,
                Place = e.Venue != null ? e.Venue.Name : e.HostOrganisation != null ? e.HostOrganisation.Name : e.Location,
                People = e.Duties.Select(d => d.UserId).Distinct().Count(),
            })
            .ToListAsync(cancellationToken);

        var truncated = rows.Count > limit;
        if (truncated)
        {
            rows.RemoveAt(limit);
        }

        var ids = rows.Select(r => r.Id).ToList();
        var units = await db.EventUnits.AsNoTracking().Where(c => ids.Contains(c.EventId)).UnitNamesByEventAsync(cancellationToken);

        var entries = rows.Select(r => new ScheduleEntry(
                r.Id, r.CampaignId, r.Title, r.Kind, r.Channel, r.Platform, r.Status, r.StartsAt, r.EndsAt, r.Place, units[r.Id].ToList(), r.People))
            .ToList();
        return new ScheduleResult(entries, truncated);
    }

    /// <summary>
    /// Where to jump from an empty period: the day of the first matching event after it, or else of the last one
    /// before it (the 2021 demo campaign lies in the past). Null when nothing matches the filter at all.
    /// </summary>
    public async Task<DateOnly?> NearestEventDayAsync(ScheduleQuery query, CancellationToken cancellationToken = default)
    {
        var from = query.From.ToDateTime(TimeOnly.MinValue);
        var to = query.To.ToDateTime(TimeOnly.MinValue);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var events = Filter(db.Events.AsNoTracking(), query);
        var next = await events.Where(e => e.StartsAt >= to).OrderBy(e => e.StartsAt)
            .Select(e => (DateTime?)e.StartsAt).FirstOrDefaultAsync(cancellationToken);
        next ??= await events.Where(e => e.StartsAt < from).OrderByDescending(e => e.StartsAt)
            .Select(e => (DateTime?)e.StartsAt).FirstOrDefaultAsync(cancellationToken);
        return next is { } day ? DateOnly.FromDateTime(day) : null;
    }

    private static IQueryable<CampaignEvent> Filter(IQueryable<CampaignEvent> events, ScheduleQuery query)
    {
        events = events.WhereMatches(query.CampaignId, query.UnitId, query.Kind, query.Channel);

        if (query.VenueId is { } venueId)
        {
            events = events.Where(e => e.VenueId == venueId);
        }

        if (query.OrganisationId is { } organisationId)
        {
            // A hospital's staff want what happens there, whether it hosts the event or only lends the hall.
            events = events.Where(e => e.HostOrganisationId == organisationId || (e.Venue != null && e.Venue.OrganisationId == organisationId));
        }

        return events;
    }
}
