using CampaignHub.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CampaignHub.Web.Data.Tallies;

/// <summary>A campaign's day: what the tallies are recounted by.</summary>
internal readonly record struct CampaignDay(int CampaignId, DateOnly Date);

/// <summary>
/// Keeps <see cref="EventTally"/> and <see cref="FigureTally"/> equal to the events and figures they count. Part of
/// the save path (<see cref="SaveRules"/>): before a save it notes the campaign days its changes touch, as stored and
/// as the save leaves them (an event's start, a figure's day, the event a unit joins or leaves); after the rows are
/// written, in the same transaction, it recounts those days from the rows themselves. Every write of events and
/// figures goes through the save path (the import, the event form, the API, campaign-level figures, deletes), so the
/// tallies cannot drift; a recount is exact whatever was there before, so a day recounted twice is still right.
/// </summary>
internal static class TallyKeeper
{
    /// <summary>Touched days closer than this are recounted as one range: one set of queries instead of many.</summary>
    private const int MergeGapDays = 7;

    /// <summary>Days per range when a whole campaign is counted afresh, so no read holds years of events at once.</summary>
    private const int RebuildRangeDays = 92;

    /// <summary>The campaign days the save's changes touch, before and after.</summary>
    public static async Task<IReadOnlyCollection<CampaignDay>> TouchedAsync(
        CampaignHubDbContext db, IReadOnlyList<EntityEntry> changed, CancellationToken cancellationToken)
    {
        var days = new HashSet<CampaignDay>();
        var stored = new HashSet<int>();
        foreach (var entry in changed)
        {
            switch (entry.Entity)
            {
                case CampaignEvent:
                {
                    // Where it was is read from the database below: an entry attached without its originals knows only where it goes.
                    if (entry.State != EntityState.Added)
                    {
                        stored.Add((int)entry.Property(nameof(CampaignEvent.Id)).CurrentValue!);
                    }

                    if (entry.State != EntityState.Deleted)
                    {
                        days.Add(Day((int)entry.Property(nameof(CampaignEvent.CampaignId)).CurrentValue!,
                            (DateTime)entry.Property(nameof(CampaignEvent.StartsAt)).CurrentValue!));
                    }

                    break;
                }

                case EventUnit:
                {
                    // A unit joining or leaving a stored event changes that unit's count on the event's day; a new
                    // event's units are on the new event's own day.
                    var eventId = entry.Property(nameof(EventUnit.EventId));
                    if (!eventId.IsTemporary && eventId.CurrentValue is int id)
                    {
                        stored.Add(id);
                    }

                    break;
                }

                case MetricValue:
                {
                    if (entry.State != EntityState.Deleted)
                    {
                        days.Add(new CampaignDay((int)entry.Property(nameof(MetricValue.CampaignId)).CurrentValue!,
                            (DateOnly)entry.Property(nameof(MetricValue.Date)).CurrentValue!));
                    }

                    if (entry.State != EntityState.Added)
                    {
                        days.Add(new CampaignDay((int)entry.Property(nameof(MetricValue.CampaignId)).OriginalValue!,
                            (DateOnly)entry.Property(nameof(MetricValue.Date)).OriginalValue!));
                    }

                    break;
                }
            }
        }

        if (stored.Count > 0)
        {
            var ids = stored.ToList();
            var before = await db.Events.AsNoTracking().Where(e => ids.Contains(e.Id))
                .Select(e => new { e.CampaignId, e.StartsAt }).ToListAsync(cancellationToken);
            days.UnionWith(before.Select(e => Day(e.CampaignId, e.StartsAt)));
        }

        return days;
    }

    /// <summary>Recounts the days from the rows, inside the save's transaction, after the rows are written.</summary>
    public static async Task RecountAsync(CampaignHubDbContext db, IReadOnlyCollection<CampaignDay> days, CancellationToken cancellationToken)
    {
        foreach (var (campaignId, from, to) in Ranges(days))
        {
            await RecountAsync(db, campaignId, from, to, cancellationToken);
        }
    }

    /// <summary>
    /// Counts every campaign afresh when the tallies are missing while there are events or figures: a database made
    /// before the tallies existed, on its first start with them. Once counted, every save keeps them (an empty set of
    /// tallies with data beside it can only be that database). In one write transaction, so two instances starting
    /// together count once.
    /// </summary>
    public static async Task<bool> CountIfMissingAsync(CampaignHubDbContext db, CancellationToken cancellationToken)
    {
        if (await HasTalliesAsync(db, cancellationToken) || !await HasDataAsync(db, cancellationToken))
        {
            return false;
        }

        await using var transaction = await db.BeginWriteTransactionAsync(cancellationToken);
        if (await HasTalliesAsync(db, cancellationToken))
        {
            return false;
        }

        await RecountCampaignsAsync(db, null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Counts the tallies of whole campaigns afresh (all of them when <paramref name="campaignIds"/> is null), inside
    /// the caller's write transaction: for rows written past the save path, as a bulk load or a benchmark's seed does.
    /// </summary>
    internal static async Task RecountCampaignsAsync(CampaignHubDbContext db, IReadOnlyCollection<int>? campaignIds, CancellationToken cancellationToken)
    {
        var ids = campaignIds?.ToArray();
        var events = db.Events.AsNoTracking();
        var values = db.MetricValues.AsNoTracking();
        if (ids is not null)
        {
            events = events.Where(e => ids.Contains(e.CampaignId));
            values = values.Where(v => ids.Contains(v.CampaignId));
        }

        var eventDays = await events.GroupBy(e => e.CampaignId)
            .Select(g => new { CampaignId = g.Key, First = g.Min(e => e.StartsAt), Last = g.Max(e => e.StartsAt) })
            .ToListAsync(cancellationToken);
        var figureDays = await values.GroupBy(v => v.CampaignId)
            .Select(g => new { CampaignId = g.Key, First = g.Min(v => v.Date), Last = g.Max(v => v.Date) })
            .ToListAsync(cancellationToken);
        var spans = eventDays.Select(e => (e.CampaignId, First: DateOnly.FromDateTime(e.First), Last: DateOnly.FromDateTime(e.Last)))
            .Concat(figureDays.Select(f => (f.CampaignId, f.First, f.Last)))
            .GroupBy(s => s.CampaignId)
            .Select(g => (CampaignId: g.Key, First: g.Min(s => s.First), Last: g.Max(s => s.Last)));
        foreach (var (campaignId, first, last) in spans)
        {
            for (var from = first; from <= last; from = from.AddDays(RebuildRangeDays))
            {
                var to = from.AddDays(RebuildRangeDays - 1);
                await RecountAsync(db, campaignId, from, to < last ? to : last, cancellationToken);
            }
        }
    }

    private static async Task<bool> HasTalliesAsync(CampaignHubDbContext db, CancellationToken cancellationToken) =>
        await db.EventTallies.AnyAsync(cancellationToken) || await db.FigureTallies.AnyAsync(cancellationToken);

    private static async Task<bool> HasDataAsync(CampaignHubDbContext db, CancellationToken cancellationToken) =>
        await db.Events.AnyAsync(cancellationToken) || await db.MetricValues.AnyAsync(cancellationToken);

    /// <summary>
    /// One campaign's days <paramref name="from"/>..<paramref name="to"/>: their tallies deleted and counted again in
    /// the database, grouped (a few hundred rows a day at most), then written with batched inserts; then the months
    /// those days are in, summed again from their days' rows.
    /// </summary>
    private static async Task RecountAsync(CampaignHubDbContext db, int campaignId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        await RecountDaysAsync(db, campaignId, from, to, cancellationToken);
        await RecountMonthsAsync(db, campaignId, new DateOnly(from.Year, from.Month, 1), new DateOnly(to.Year, to.Month, 1), cancellationToken);
    }

    private static async Task RecountDaysAsync(CampaignHubDbContext db, int campaignId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        await db.EventTallies.Where(t => t.CampaignId == campaignId && t.Span == TallySpan.Day && t.Date >= from && t.Date <= to).ExecuteDeleteAsync(cancellationToken);
        await db.FigureTallies.Where(t => t.CampaignId == campaignId && t.Span == TallySpan.Day && t.Date >= from && t.Date <= to).ExecuteDeleteAsync(cancellationToken);

        var start = from.ToDateTime(TimeOnly.MinValue);
        var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue);
        var events = db.Events.AsNoTracking().Where(e => e.CampaignId == campaignId && e.StartsAt >= start && e.StartsAt < end);
        var whole = await events
            .GroupBy(e => new { Date = DateOnly.FromDateTime(e.StartsAt), e.Kind, e.Channel, e.Status })
            .Select(g => new EventTally { CampaignId = campaignId, Date = g.Key.Date, Kind = g.Key.Kind, Channel = g.Key.Channel, Status = g.Key.Status, Events = g.Count() })
            .ToListAsync(cancellationToken);
        var perUnit = await (
                from e in events
                join u in db.EventUnits on e.Id equals u.EventId
                group e by new { u.UnitId, Date = DateOnly.FromDateTime(e.StartsAt), e.Kind, e.Channel, e.Status } into g
                select new EventTally
                {
                    CampaignId = campaignId, UnitId = g.Key.UnitId, Date = g.Key.Date, Kind = g.Key.Kind, Channel = g.Key.Channel,
                    Status = g.Key.Status, Events = g.Count(),
                })
            .ToListAsync(cancellationToken);

        // A cancelled event's figures count nowhere; a campaign-level entry always does.
        var values = db.MetricValues.AsNoTracking().Where(v => v.CampaignId == campaignId && v.Date >= from && v.Date <= to
                                                               && (v.EventId == null || v.Event!.Status != EventStatus.Cancelled));
        var figures = await values
            .GroupBy(v => new { v.Date, v.MetricDefinitionId })
            .Select(g => new FigureTally { CampaignId = campaignId, Date = g.Key.Date, MetricDefinitionId = g.Key.MetricDefinitionId, Value = g.Sum(v => v.Value) })
            .ToListAsync(cancellationToken);
        var eventFiguresPerUnit = await (
                from v in values
                join u in db.EventUnits on v.EventId equals (int?)u.EventId
                group v by new { u.UnitId, v.Date, v.MetricDefinitionId } into g
                select new { g.Key.UnitId, g.Key.Date, g.Key.MetricDefinitionId, Value = g.Sum(v => v.Value) })
            .ToListAsync(cancellationToken);
        var entriesPerUnit = await values
            .Where(v => v.EventId == null && v.UnitId != null)
            .GroupBy(v => new { UnitId = v.UnitId!.Value, v.Date, v.MetricDefinitionId })
            .Select(g => new { g.Key.UnitId, g.Key.Date, g.Key.MetricDefinitionId, Value = g.Sum(v => v.Value) })
            .ToListAsync(cancellationToken);
        var figuresPerUnit = eventFiguresPerUnit.Concat(entriesPerUnit)
            .GroupBy(f => (f.UnitId, f.Date, f.MetricDefinitionId))
            .Select(g => new FigureTally
            {
                CampaignId = campaignId, UnitId = g.Key.UnitId, Date = g.Key.Date, MetricDefinitionId = g.Key.MetricDefinitionId, Value = g.Sum(f => f.Value),
            });

        await AddedRowsWriter.WriteUntrackedAsync(db, whole.Concat(perUnit).ToList(), cancellationToken);
        await AddedRowsWriter.WriteUntrackedAsync(db, figures.Concat(figuresPerUnit).ToList(), cancellationToken);
    }

    /// <summary>The month rows of the months from <paramref name="first"/> to <paramref name="last"/> (first days): the sums of their day rows.</summary>
    private static async Task RecountMonthsAsync(CampaignHubDbContext db, int campaignId, DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        var end = last.AddMonths(1).AddDays(-1);
        await db.EventTallies.Where(t => t.CampaignId == campaignId && t.Span == TallySpan.Month && t.Date >= first && t.Date <= last).ExecuteDeleteAsync(cancellationToken);
        await db.FigureTallies.Where(t => t.CampaignId == campaignId && t.Span == TallySpan.Month && t.Date >= first && t.Date <= last).ExecuteDeleteAsync(cancellationToken);

        var days = db.EventTallies.AsNoTracking().Where(t => t.CampaignId == campaignId && t.Span == TallySpan.Day && t.Date >= first && t.Date <= end);
        var events = (await days
                .GroupBy(t => new { t.UnitId, t.Date.Year, t.Date.Month, t.Kind, t.Channel, t.Status })
                .Select(g => new { g.Key.UnitId, g.Key.Year, g.Key.Month, g.Key.Kind, g.Key.Channel, g.Key.Status, Events = g.Sum(t => t.Events) })
                .ToListAsync(cancellationToken))
            .Select(m => new EventTally
            {
                CampaignId = campaignId, UnitId = m.UnitId, Span = TallySpan.Month, Date = new DateOnly(m.Year, m.Month, 1), Kind = m.Kind,
                Channel = m.Channel, Status = m.Status, Events = m.Events,
            })
            .ToList();
        var figureDays = db.FigureTallies.AsNoTracking().Where(t => t.CampaignId == campaignId && t.Span == TallySpan.Day && t.Date >= first && t.Date <= end);
        var figures = (await figureDays
                .GroupBy(t => new { t.UnitId, t.Date.Year, t.Date.Month, t.MetricDefinitionId })
                .Select(g => new { g.Key.UnitId, g.Key.Year, g.Key.Month, g.Key.MetricDefinitionId, Value = g.Sum(t => t.Value) })
                .ToListAsync(cancellationToken))
            .Select(m => new FigureTally
            {
                CampaignId = campaignId, UnitId = m.UnitId, Span = TallySpan.Month, Date = new DateOnly(m.Year, m.Month, 1),
                MetricDefinitionId = m.MetricDefinitionId, Value = m.Value,
            })
            .ToList();

        await AddedRowsWriter.WriteUntrackedAsync(db, events, cancellationToken);
        await AddedRowsWriter.WriteUntrackedAsync(db, figures, cancellationToken);
    }

    /// <summary>Per campaign, the touched days as ranges: days less than a week apart make one range.</summary>
    internal static IEnumerable<(int CampaignId, DateOnly From, DateOnly To)> Ranges(IEnumerable<CampaignDay> days)
    {
        foreach (var campaign in days.GroupBy(d => d.CampaignId).OrderBy(g => g.Key))
        {
            var dates = campaign.Select(d => d.Date).Distinct().Order().ToList();
            var from = dates[0];
            var to = dates[0];
            foreach (var date in dates.Skip(1))
            {
                if (date.DayNumber - to.DayNumber > MergeGapDays)
                {
                    yield return (campaign.Key, from, to);
                    from = date;
                }

                to = date;
            }

            yield return (campaign.Key, from, to);
        }
    }

    private static CampaignDay Day(int campaignId, DateTime start) => new(campaignId, DateOnly.FromDateTime(start));
}
