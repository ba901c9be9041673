using CampaignHub.Web.Features.Totals;

namespace CampaignHub.UnitTests.Features.Totals;

/// <summary>
/// Charts use days up to a month, weeks up to half a year, months beyond (issue 11, point 5); every counted event is
/// in exactly one bar. And what a period is compared with.
/// </summary>
public sealed class EventTimelineTests
{
    private static Dictionary<DateOnly, (int Online, int Offline)> EveryDay(DateOnly from, DateOnly to)
    {
        var days = new Dictionary<DateOnly, (int, int)>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            days[day] = (1, 2);
        }

        return days;
    }

    [Fact]
    public void A_month_is_drawn_a_bar_a_day()
    {
        var timeline = EventTimeline.Of(new(2021, 3, 1), new(2021, 3, 31), EveryDay(new(2021, 3, 1), new(2021, 3, 31)));

        timeline.Granularity.ShouldBe(TimelineGranularity.Day);
        timeline.Buckets.Count.ShouldBe(31);
        timeline.Buckets.ShouldAllBe(b => b.From == b.To && b.Online == 1 && b.Offline == 2);
        EventTimeline.Label(timeline.Buckets[14], timeline.Granularity).ShouldBe("3/15");
    }

    [Fact]
    public void Thirty_two_days_to_half_a_year_are_drawn_a_bar_a_week_from_monday_to_sunday()
    {
        // Thursday 15 April to Sunday 16 May 2021.
        var (from, to) = (new DateOnly(2021, 4, 15), new DateOnly(2021, 5, 16));
        var timeline = EventTimeline.Of(from, to, EveryDay(from, to));

        timeline.Granularity.ShouldBe(TimelineGranularity.Week);
        timeline.Buckets[0].ShouldBe(new EventBucket(new(2021, 4, 15), new(2021, 4, 18), 4, 8));
        timeline.Buckets[1].ShouldBe(new EventBucket(new(2021, 4, 19), new(2021, 4, 25), 7, 14));
        timeline.Buckets[^1].ShouldBe(new EventBucket(new(2021, 5, 10), new(2021, 5, 16), 7, 14));
        timeline.Buckets.Count.ShouldBe(5);
        timeline.Buckets.Sum(b => b.Total).ShouldBe(32 * 3);

        EventTimeline.GranularityFor(new(2021, 1, 1), new(2021, 7, 2)).ShouldBe(TimelineGranularity.Week);
    }

    [Fact]
    public void More_than_half_a_year_is_drawn_a_bar_a_month_the_first_and_last_cut_to_the_period()
    {
        var (from, to) = (new DateOnly(2021, 4, 20), new DateOnly(2021, 11, 6));
        var perDay = new Dictionary<DateOnly, (int, int)> { [new(2021, 4, 20)] = (1, 0), [new(2021, 4, 30)] = (0, 2), [new(2021, 8, 6)] = (3, 3), [new(2021, 11, 6)] = (0, 1) };

        var timeline = EventTimeline.Of(from, to, perDay);

        timeline.Granularity.ShouldBe(TimelineGranularity.Month);
        timeline.Buckets.Select(b => (b.From, b.To)).First().ShouldBe((new DateOnly(2021, 4, 20), new DateOnly(2021, 4, 30)));
        timeline.Buckets.Select(b => (b.From, b.To)).Last().ShouldBe((new DateOnly(2021, 11, 1), new DateOnly(2021, 11, 6)));
        timeline.Buckets.Count.ShouldBe(8);
        timeline.Buckets.Select(b => b.Total).ShouldBe([3, 0, 0, 0, 6, 0, 0, 1]);
        EventTimeline.Label(timeline.Buckets[4], timeline.Granularity).ShouldBe("2021-08");
    }

    [Theory]
    [InlineData("2021-04-15", "2021-04-21", "2021-04-08", "2021-04-14", "2020-04-15", "2020-04-21")]
    [InlineData("2021-04-01", "2021-04-30", "2021-03-01", "2021-03-31", "2020-04-01", "2020-04-30")]
    [InlineData("2020-01-01", "2020-12-31", "2019-01-01", "2019-12-31", "2019-01-01", "2019-12-31")]
    [InlineData("2024-02-29", "2024-03-06", "2024-02-22", "2024-02-28", "2023-02-28", "2023-03-06")]
    public void A_period_is_compared_with_the_one_of_the_same_length_before_and_the_same_one_a_year_earlier(
        string from, string to, string previousFrom, string previousTo, string earlierFrom, string earlierTo)
    {
        var (previous, yearEarlier) = TotalsService.ComparedPeriods(DateOnly.Parse(from), DateOnly.Parse(to));

        previous.ShouldBe((DateOnly.Parse(previousFrom), DateOnly.Parse(previousTo)));
        yearEarlier.ShouldBe((DateOnly.Parse(earlierFrom), DateOnly.Parse(earlierTo)));
    }
}
