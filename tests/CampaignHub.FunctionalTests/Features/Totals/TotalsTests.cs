using CampaignHub.Testing;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Common;
using CampaignHub.Web.Features.Events;
using CampaignHub.Web.Features.Totals;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignHub.FunctionalTests.Features.Totals;

/// <summary>What the campaign totals count: joint events once overall and once per unit; cancelled events not at all.</summary>
public sealed class TotalsTests(CampaignHubAppFactory factory) : IClassFixture<CampaignHubAppFactory>
{
    private async Task<EventDetails> LogAsync(Actor admin, int campaign, int[] units, string kind, string channel, string status, DateTime start, decimal patients)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EventService>().CreateAsync(admin, new EventInput
        {
            CampaignId = campaign,
            UnitIds = [.. units],
            Title = $"{kind} {start:MM-dd}",
            Kind = kind,
            Channel = channel,
            Status = status,
            Start = start,
            End = start.AddHours(2),
            Figures = new() { ["patients_benefited"] = patients },
        });
    }

    private async Task<CampaignTotals> TotalsAsync(TotalsQuery query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TotalsService>().GetAsync(query);
    }

    [Fact]
    public async Task A_joint_event_counts_once_for_the_campaign_and_once_for_each_of_its_units()
    {
        var lung = await factory.AddUnitAsync("肺癌专委会");
        var breast = await factory.AddUnitAsync("乳腺癌专委会");
        var campaign = await factory.AddCampaignAsync("Week", new(2021, 4, 15), new(2021, 4, 21), lung, breast);
        var admin = await factory.ActorAsync(await factory.CreateUserAsync("totals-admin@test.campaignhub.local", Roles.Admin));

        await LogAsync(admin, campaign, [lung, breast], "lecture", "online", "held", new(2021, 4, 15, 9, 0, 0), 100);
        await LogAsync(admin, campaign, [lung], "lecture", "offline", "held", new(2021, 4, 16, 9, 0, 0), 10);
        await LogAsync(admin, campaign, [breast], "free_clinic", "offline", "held", new(2021, 4, 21, 23, 30, 0), 1);
        await LogAsync(admin, campaign, [breast], "free_clinic", "offline", "cancelled", new(2021, 4, 17, 9, 0, 0), 1000);

        var all = await TotalsAsync(new TotalsQuery(campaign));
        all.EventCount.ShouldBe(3);
        all.Events["lecture"].ShouldBe(new ChannelCounts(1, 1));
        all.Events["free_clinic"].ShouldBe(new ChannelCounts(0, 1));
        all.Metrics["patients_benefited"].ShouldBe(111);

        var forLung = await TotalsAsync(new TotalsQuery(campaign, UnitId: lung));
        forLung.EventCount.ShouldBe(2);
        forLung.Metrics["patients_benefited"].ShouldBe(110);

        var forBreast = await TotalsAsync(new TotalsQuery(campaign, UnitId: breast));
        forBreast.EventCount.ShouldBe(2);
        forBreast.Metrics["patients_benefited"].ShouldBe(101);

        var firstTwoDays = await TotalsAsync(new TotalsQuery(campaign, new(2021, 4, 15), new(2021, 4, 16)));
        firstTwoDays.EventCount.ShouldBe(2);
        firstTwoDays.Metrics["patients_benefited"].ShouldBe(110);

        await using var scope = factory.Services.CreateAsyncScope();
        var statistics = await scope.ServiceProvider.GetRequiredService<CampaignStatisticsService>().GetAsync(new TotalsQuery(campaign));
        statistics.EventsPerDay.Count.ShouldBe(7);
        statistics.EventsPerDay[0].ShouldBe(new DailyEventCount(new(2021, 4, 15), 1, 0));
        statistics.EventsPerDay[6].ShouldBe(new DailyEventCount(new(2021, 4, 21), 0, 1));
        var lungRow = statistics.Units.Single(c => c.UnitId == lung);
        lungRow.Events.ShouldBe(2);
        lungRow.EventsByKind["lecture"].ShouldBe(2);
        lungRow.PeopleServed.ShouldBe(110);
        statistics.Units.Single(c => c.UnitId == breast).PeopleServed.ShouldBe(101);
        statistics.Metrics.Single(m => m.Code == "patients_benefited").Value.ShouldBe(111);
    }

    [Fact]
    public async Task A_period_ending_before_it_starts_is_refused_and_an_unknown_campaign_is_not_found()
    {
        var campaign = await factory.AddCampaignAsync("Week", new(2021, 4, 15), new(2021, 4, 21));

        var invalid = await Should.ThrowAsync<DomainValidationException>(() => TotalsAsync(new TotalsQuery(campaign, new(2021, 4, 20), new(2021, 4, 15))));
        invalid.Errors.ShouldContainKey("to");
        await Should.ThrowAsync<NotFoundException>(() => TotalsAsync(new TotalsQuery(987654)));
    }
}
