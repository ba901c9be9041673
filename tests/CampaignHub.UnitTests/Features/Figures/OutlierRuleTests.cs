using CampaignHub.Web.Features.Figures;

namespace CampaignHub.UnitTests.Features.Figures;

/// <summary>When a figure is unusual: far above the median of enough earlier figures, for the unit and for the campaign.</summary>
public sealed class OutlierRuleTests
{
    private static readonly decimal[] WeChatReach = [38171, 36500, 40210, 39050, 37400];

    [Fact]
    public void One_digit_too_many_in_the_issues_reach_is_unusual_against_the_usual_38171()
    {
        OutlierRule.UnusualAgainst(381710, WeChatReach, WeChatReach).ShouldBe(38171);
    }

    [Fact]
    public void A_figure_a_few_times_the_usual_is_not_unusual()
    {
        OutlierRule.UnusualAgainst(38171 * 4, WeChatReach, WeChatReach).ShouldBeNull();
        OutlierRule.UnusualAgainst(38171 * 5, WeChatReach, []).ShouldBeNull();
    }

    [Fact]
    public void Fewer_than_five_earlier_figures_say_nothing_about_what_is_usual()
    {
        OutlierRule.UnusualAgainst(1_000_000, WeChatReach[..4], WeChatReach[..4]).ShouldBeNull();
        // One baseline with enough figures is enough.
        OutlierRule.UnusualAgainst(1_000_000, WeChatReach[..4], WeChatReach).ShouldBe(38171);
    }

    [Fact]
    public void A_big_units_usual_figure_is_not_unusual_although_it_is_far_above_the_campaigns()
    {
        decimal[] bigHospital = [5000, 5200, 4800, 5100, 4900];
        decimal[] campaign = [300, 250, 320, 280, 310, 5000];

        OutlierRule.UnusualAgainst(5300, bigHospital, campaign).ShouldBeNull();
        OutlierRule.UnusualAgainst(50000, bigHospital, campaign).ShouldBe(5000);
    }

    [Fact]
    public void A_usual_of_nothing_flags_nothing()
    {
        OutlierRule.UnusualAgainst(12, [0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 1]).ShouldBeNull();
    }

    [Fact]
    public void The_median_of_an_even_count_is_the_mean_of_the_middle_two()
    {
        OutlierRule.Median([4, 1, 3, 2]).ShouldBe(2.5m);
        OutlierRule.Median([7, 1, 3]).ShouldBe(3);
        OutlierRule.Median([]).ShouldBe(0);
    }
}
