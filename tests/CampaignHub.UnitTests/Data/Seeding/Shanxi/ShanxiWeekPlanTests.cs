using CampaignHub.Web.Data.Seeding.Shanxi;
using CampaignHub.Web.Domain;

namespace CampaignHub.UnitTests.Data.Seeding.Shanxi;

public sealed class ShanxiWeekPlanTests
{
    [Theory]
    [InlineData(186, new[] { 3, 1, 2, 1, 1 })]
    [InlineData(11, new[] { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 })]
    [InlineData(0, new[] { 4, 2 })]
    [InlineData(22500, new[] { 1, 3 })]
    public void Distribute_splits_a_total_exactly_and_in_proportion(int total, int[] weights)
    {
        var parts = ShanxiWeekPlan.Distribute(total, weights);

        parts.Sum().ShouldBe(total);
        for (var i = 0; i < weights.Length; i++)
        {
            // Never more than one away from the exact proportional share.
            Math.Abs(parts[i] - (double)total * weights[i] / weights.Sum()).ShouldBeLessThan(1);
        }
    }

    [Fact]
    public void The_plan_is_the_same_on_every_build()
    {
        static string Describe(ShanxiPlan plan) => string.Join('\n',
            plan.Events.Select(e => $"{e.Title}|{e.Kind}|{e.Channel}|{e.Start:s}|{string.Join(',', e.Units)}|{e.Host}|{e.Venue}|{e.Location}|"
                                    + string.Join(',', e.Figures.OrderBy(f => f.Key).Select(f => $"{f.Key}={f.Value}")))
                .Concat(plan.Entries.Select(e => e.ToString())));

        Describe(ShanxiWeekPlan.Build()).ShouldBe(Describe(ShanxiWeekPlan.Build()));
    }

    [Fact]
    public void Every_planned_event_names_known_units_and_places()
    {
        var plan = ShanxiWeekPlan.Build();
        var units = ShanxiUnits.All.Select(c => c.Name).ToHashSet();
        var organisations = ShanxiOrganisations.All.ToDictionary(o => o.Name);

        units.Count.ShouldBe(25);
        foreach (var e in plan.Events)
        {
            e.Units.ShouldNotBeEmpty(e.Title);
            e.Units.ShouldAllBe(c => units.Contains(c));
            e.End.ShouldBeGreaterThan(e.Start, e.Title);
            (e.Channel == EventChannel.Online).ShouldBe(e.Platform is not null, e.Title);
            if (e.Host is not null)
            {
                organisations.ShouldContainKey(e.Host);
            }

            if (e.Venue is not null)
            {
                organisations[e.Host!].Venues.ShouldContain(e.Venue);
            }

            e.Figures.Values.ShouldAllBe(v => v > 0);
        }

        plan.Entries.ShouldAllBe(e => units.Contains(e.Unit) && e.Date >= ClosingTotals.WeekStart && e.Date <= ClosingTotals.WeekEnd);
    }
}
