using System.Globalization;

namespace CampaignHub.Web.Features.Totals;

/// <summary>How long a chart's bars are: a day up to a month, a week up to half a year, a month beyond.</summary>
public enum TimelineGranularity
{
    Day,
    Week,
    Month,
}

/// <summary>Counted events (online and offline) that started in one bar's days, both included.</summary>
public sealed record EventBucket(DateOnly From, DateOnly To, int Online, int Offline)
{
    public int Total => Online + Offline;
}

/// <summary>
/// Counted events over a period in bars of a length fit for it, so that the dashboard and the report's two chart
/// writers draw the same bars: days for a period up to <see cref="MaxDays"/> days, weeks (Monday to Sunday, the
/// first and last cut to the period) up to <see cref="MaxWeeksDays"/> days, months beyond.
/// </summary>
public sealed record EventTimeline(TimelineGranularity Granularity, IReadOnlyList<EventBucket> Buckets)
{
    public const int MaxDays = 31;
    public const int MaxWeeksDays = 183;

    public static TimelineGranularity GranularityFor(DateOnly from, DateOnly to) => (to.DayNumber - from.DayNumber + 1) switch
    {
        <= MaxDays => TimelineGranularity.Day,
        <= MaxWeeksDays => TimelineGranularity.Week,
        _ => TimelineGranularity.Month,
    };

    /// <summary>The period's bars from counted events per day and channel (days missing from <paramref name="perDay"/> had none).</summary>
    public static EventTimeline Of(DateOnly from, DateOnly to, IReadOnlyDictionary<DateOnly, (int Online, int Offline)> perDay)
    {
        var granularity = GranularityFor(from, to);
        var buckets = new List<EventBucket>();
        for (var start = from; start <= to;)
        {
            var end = granularity switch
            {
                TimelineGranularity.Day => start,
                // To the Sunday: a week starts on Monday, as calendars in China and ISO 8601 count it.
                TimelineGranularity.Week => start.AddDays((7 - (int)start.DayOfWeek) % 7),
                _ => new DateOnly(start.Year, start.Month, DateTime.DaysInMonth(start.Year, start.Month)),
            };
            if (end > to)
            {
                end = to;
            }

            int online = 0, offline = 0;
            foreach (var (day, counts) in perDay)
            {
                if (day >= start && day <= end)
                {
                    online += counts.Online;
                    offline += counts.Offline;
                }
            }

            buckets.Add(new EventBucket(start, end, online, offline));
            if (end == DateOnly.MaxValue)
            {
                break;
            }

            start = end.AddDays(1);
        }

        return new EventTimeline(granularity, buckets);
    }

    /// <summary>A bar's label under the axis: 4/15 for a day, the Monday 4/12 for a week, 2021-04 for a month.</summary>
    public static string Label(EventBucket bucket, TimelineGranularity granularity) => granularity switch
    {
        TimelineGranularity.Month => bucket.From.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => bucket.From.ToString("M/d", CultureInfo.InvariantCulture),
    };
}
