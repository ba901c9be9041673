using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Association;
using CampaignHub.Web.Features.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampaignHub.Web.Features.Totals;

/// <summary>
/// Counts and sums a campaign's (or a programme's campaigns') events and figures in the database by the held rule
/// (<see cref="HeldRule"/>), from the per-day tallies (<see cref="Tallies"/>): two grouped queries over a few
/// thousand tally rows, never the events themselves, whatever the period. A joint event counts once in the
/// campaign's totals; with a unit filter it counts for each of its units, and so do its figures.
/// </summary>
public sealed class TotalsService(IDbContextFactory<CampaignHubDbContext> dbFactory, AssociationClock clock, IStringLocalizer<SharedResource> localizer)
{
    public async Task<CampaignTotals> GetAsync(TotalsQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var scope = await ScopeAsync(db, query, cancellationToken);
        return await CountAsync(db, scope, query.Compare, cancellationToken);
    }

    /// <summary>
    /// The campaign and period the query names, checked: an unknown campaign is a 404, a period ending before it
    /// starts a 400 on <c>to</c>. The period defaults to the campaign's own.
    /// </summary>
    internal async Task<TallyScope> ScopeAsync(CampaignHubDbContext db, TotalsQuery query, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsNoTracking()
            .Where(c => c.Id == query.CampaignId)
            .Select(c => new { c.StartDate, c.EndDate })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException(string.Format(localizer["Campaign_NotFound"], query.CampaignId));

        var from = query.From ?? campaign.StartDate;
        var to = query.To ?? campaign.EndDate;
        RequireOrderedPeriod(from, to);
        return TallyScope.Of([query.CampaignId], from, to, query.UnitId, query.Units);
    }

    /// <summary>A period ending before it starts is a 400 on <c>to</c>.</summary>
    internal void RequireOrderedPeriod(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            var errors = new ValidationErrors();
            errors.Add("to", localizer["Totals_Error_ToBeforeFrom"]);
            errors.ThrowIfAny();
        }
    }

    /// <summary>The totals of the scope, and with <paramref name="compare"/> those of the previous period and a year earlier.</summary>
    internal async Task<CampaignTotals> CountAsync(CampaignHubDbContext db, TallyScope scope, bool compare, CancellationToken cancellationToken)
    {
        var totals = (await CountByCampaignAsync(db, scope, cancellationToken)).Totals;
        return compare ? await WithComparisonsAsync(db, scope, totals, cancellationToken) : totals;
    }

    /// <summary>The scope's totals with those of the previous period of the same length and of the same period a year earlier.</summary>
    internal async Task<CampaignTotals> WithComparisonsAsync(CampaignHubDbContext db, TallyScope scope, CampaignTotals totals, CancellationToken cancellationToken)
    {
        var (previous, yearEarlier) = ComparedPeriods(scope.From, scope.To);
        return totals with
        {
            Previous = (await CountByCampaignAsync(db, scope.WithPeriod(previous.From, previous.To), cancellationToken)).Totals,
            YearEarlier = (await CountByCampaignAsync(db, scope.WithPeriod(yearEarlier.From, yearEarlier.To), cancellationToken)).Totals,
        };
    }

    /// <summary>
    /// The period of the same length just before, and the same period a year earlier (29 February: the 28th). A
    /// period of whole months (a month, a quarter, a year) is compared with as many whole months before it, so April
    /// is set beside March and 2021 beside 2020, whatever their numbers of days; any other period with as many days.
    /// </summary>
    public static ((DateOnly From, DateOnly To) Previous, (DateOnly From, DateOnly To) YearEarlier) ComparedPeriods(DateOnly from, DateOnly to)
    {
        if (from.Year < 3)
        {
            // Nothing is logged before the year 1; the comparisons are then the period itself, and empty of meaning.
            return ((from, to), (from, to));
        }

        var previousTo = from.AddDays(-1);
        DateOnly previousFrom;
        if (from.Day == 1 && to != DateOnly.MaxValue && to.AddDays(1).Day == 1)
        {
            var months = (to.Year - from.Year) * 12 + to.Month - from.Month + 1;
            previousFrom = months <= (from.Year - 2) * 12 ? from.AddMonths(-months) : new DateOnly(1, 1, 1);
        }
        else
        {
            var length = to.DayNumber - from.DayNumber + 1;
            previousFrom = DateOnly.FromDayNumber(Math.Max(DateOnly.MinValue.DayNumber, previousTo.DayNumber - length + 1));
        }

        return ((previousFrom, previousTo), (from.AddYears(-1), to.AddYears(-1)));
    }

    /// <summary>
    /// The scope's totals and each campaign's and each year's share of them: events by campaign, year, kind, channel
    /// and standing, and metric sums by campaign and year, grouped in the database (at most a few hundred rows per
    /// campaign come back).
    /// </summary>
    internal async Task<CountedTallies> CountByCampaignAsync(CampaignHubDbContext db, TallyScope scope, CancellationToken cancellationToken)
    {
        var now = clock.Now;
        var today = DateOnly.FromDateTime(now);
        var events = await Tallies.Events(db, scope, now)
            .GroupBy(t => new { t.CampaignId, t.Date.Year, t.Kind, t.Channel, t.Status, Started = t.Date <= today })
            .Select(g => new { g.Key.CampaignId, g.Key.Year, g.Key.Kind, g.Key.Channel, g.Key.Status, g.Key.Started, Events = g.Sum(t => t.Events) })
            .ToListAsync(cancellationToken);
        var sums = await Tallies.Figures(db, scope, now)
            .Where(HeldRule.CountedFigure(today))
            .GroupBy(f => new { f.CampaignId, f.Date.Year, f.MetricDefinitionId })
            .Select(g => new { g.Key.CampaignId, g.Key.Year, g.Key.MetricDefinitionId, Sum = g.Sum(f => f.Value) })
            .ToListAsync(cancellationToken);
        var codes = await MetricCodesAsync(db, cancellationToken);

        var counted = events.Select(e => new CountedEvents(e.CampaignId, e.Year, e.Kind, e.Channel, HeldRule.Standing(e.Status, e.Started), e.Events)).ToList();
        var figures = sums.Where(s => codes.ContainsKey(s.MetricDefinitionId))
            .Select(s => new CountedFigure(s.CampaignId, s.Year, s.MetricDefinitionId, s.Sum)).ToList();
        // The estimated part of the sums: tallies do not keep it, and estimates are few, so it is read from the rows.
        var estimated = (await Tallies.EstimatedFigures(db, scope, now)
                .Where(HeldRule.CountedFigure(today))
                .GroupBy(f => new { f.CampaignId, f.Date.Year, f.MetricDefinitionId })
                .Select(g => new { g.Key.CampaignId, g.Key.Year, g.Key.MetricDefinitionId, Sum = g.Sum(f => f.Value) })
                .ToListAsync(cancellationToken))
            .Where(s => codes.ContainsKey(s.MetricDefinitionId))
            .Select(s => new CountedFigure(s.CampaignId, s.Year, s.MetricDefinitionId, s.Sum)).ToList();
        return new CountedTallies(scope.From, scope.To, counted, figures, codes) { Estimated = estimated };
    }

    /// <summary>Metric id → code, in catalogue order.</summary>
    internal static async Task<IReadOnlyDictionary<int, string>> MetricCodesAsync(CampaignHubDbContext db, CancellationToken cancellationToken) =>
        (await db.MetricDefinitions.AsNoTracking().OrderBy(m => m.SortOrder).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.Code }).ToListAsync(cancellationToken))
        .ToDictionary(m => m.Id, m => m.Code);
}

/// <summary>Events of one campaign, year, kind and channel, by how the held rule stands them.</summary>
internal sealed record CountedEvents(int CampaignId, int Year, EventKind Kind, EventChannel Channel, EventStanding Standing, int Events);

/// <summary>A metric's counted sum in one campaign and year.</summary>
internal sealed record CountedFigure(int CampaignId, int Year, int MetricDefinitionId, decimal Value);

/// <summary>What one count read, by campaign: made into totals for all of them or for each.</summary>
internal sealed record CountedTallies(
    DateOnly From, DateOnly To, IReadOnlyList<CountedEvents> Events, IReadOnlyList<CountedFigure> Figures, IReadOnlyDictionary<int, string> MetricCodes)
{
    public CampaignTotals Totals => Of(_ => true);

    /// <summary>The part of <see cref="Figures"/> marked as estimates, by campaign, year and metric.</summary>
    public IReadOnlyList<CountedFigure> Estimated { get; init; } = [];

    /// <summary>The totals of the campaigns <paramref name="include"/> picks.</summary>
    public CampaignTotals Of(Func<int, bool> include)
    {
        var events = Events.Where(e => include(e.CampaignId)).ToList();
        var counted = events.Where(e => e.Standing is EventStanding.Held or EventStanding.Unconfirmed).ToList();
        var byKind = counted
            .GroupBy(c => c.Kind)
            .OrderBy(g => g.Key)
            .ToDictionary(
                g => Codes<EventKind>.Of(g.Key),
                g => new ChannelCounts(
                    g.Where(c => c.Channel == EventChannel.Online).Sum(c => c.Events),
                    g.Where(c => c.Channel == EventChannel.Offline).Sum(c => c.Events)));
        var sums = Figures.Where(f => include(f.CampaignId))
            .GroupBy(f => f.MetricDefinitionId)
            .ToDictionary(g => g.Key, g => g.Sum(f => f.Value));
        var metrics = MetricCodes.Where(m => sums.ContainsKey(m.Key)).ToDictionary(m => m.Value, m => sums[m.Key]);
        var estimatedSums = Estimated.Where(f => include(f.CampaignId))
            .GroupBy(f => f.MetricDefinitionId)
            .ToDictionary(g => g.Key, g => g.Sum(f => f.Value));
        var estimated = MetricCodes.Where(m => estimatedSums.GetValueOrDefault(m.Key) != 0).ToDictionary(m => m.Value, m => estimatedSums[m.Key]);
        return new CampaignTotals(counted.Sum(c => c.Events), byKind, metrics)
        {
            From = From,
            To = To,
            Upcoming = events.Where(e => e.Standing == EventStanding.Upcoming).Sum(e => e.Events),
            Unconfirmed = events.Where(e => e.Standing == EventStanding.Unconfirmed).Sum(e => e.Events),
            Estimated = estimated,
        };
    }
}
