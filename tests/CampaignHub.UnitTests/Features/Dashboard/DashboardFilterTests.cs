using CampaignHub.Web.Features.Dashboard;
using CampaignHub.Web.Features.Totals;

namespace CampaignHub.UnitTests.Features.Dashboard;

/// <summary>The dashboard's filter in the address bar, and its charts' data from the shared statistics.</summary>
public sealed class DashboardFilterTests
{
    [Fact]
    public void A_filter_survives_the_trip_through_the_address()
    {
        var filter = new DashboardFilter(new DateOnly(2021, 4, 15), new DateOnly(2021, 4, 21), 7);

        filter.ToUrl(3).ShouldBe("/campaigns/3/dashboard?from=2021-04-15&to=2021-04-21&unitId=7");
        DashboardFilter.Parse("2021-04-15", "2021-04-21", "7").ShouldBe(filter);
        new DashboardFilter(null, null, null).ToUrl(3).ShouldBe("/campaigns/3/dashboard");
    }

    [Theory]
    [InlineData("2021-13-01", "tomorrow", "-3")]
    [InlineData("15/04/2021", "", "abc")]
    [InlineData(null, "2021-02-30", "0")]
    public void Values_a_person_mistyped_in_the_address_are_ignored_not_an_error(string? from, string? to, string? unit) =>
        DashboardFilter.Parse(from, to, unit).ShouldBe(new DashboardFilter(null, null, null));

    [Fact]
    public void The_charts_show_the_statistics_events_per_day_kinds_that_occurred_and_media_reach_only()
    {
        var statistics = new CampaignStatistics(1, new(2021, 4, 15), new(2021, 4, 16), null,
            new CampaignTotals(5,
                new Dictionary<string, ChannelCounts> { ["free_clinic"] = new(1, 2), ["lecture"] = new(0, 0), ["screening"] = new(0, 2) },
                new Dictionary<string, decimal>()),
            [new(new(2021, 4, 15), 1, 3), new(new(2021, 4, 16), 0, 1)],
            [],
            [
                new MetricTotal("reach_tv", "电视媒体流量", "TV reach", "人次", "views", "media_reach", 2010),
                new MetricTotal("patients_benefited", "患者受益人数", "Patients", "人", "people", "beneficiaries", 4083),
                new MetricTotal("reach_wechat", "微信公众号流量", "WeChat reach", "人次", "views", "media_reach", 38171),
            ],
            []);

        var days = DashboardCharts.EventsPerDay(statistics, "online", "offline");
        days.Labels.ShouldBe(["04-15", "04-16"]);
        days.Series.Select(s => s.Name).ShouldBe(["online", "offline"]);
        days.Series[0].Values.ShouldBe([1d, 0d]);
        days.Series[1].Values.ShouldBe([3d, 1d]);

        var kinds = DashboardCharts.EventsByKind(statistics, code => code.ToUpperInvariant(), "online", "offline");
        kinds.Labels.ShouldBe(["FREE_CLINIC", "SCREENING"]);
        kinds.Series[1].Values.ShouldBe([2d, 2d]);

        var reach = DashboardCharts.MediaReach(statistics, m => m.NameEn, "reach");
        reach.Labels.ShouldBe(["TV reach", "WeChat reach"]);
        reach.Series.Single().Values.ShouldBe([2010d, 38171d]);
        reach.IsEmpty.ShouldBeFalse();
        DashboardCharts.MediaReach(statistics with { Metrics = [] }, m => m.NameEn, "reach").IsEmpty.ShouldBeTrue();
    }
}
