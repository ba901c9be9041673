using CampaignHub.Testing;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Campaigns;
using CampaignHub.Web.Features.Common;
using CampaignHub.Web.Features.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignHub.FunctionalTests.Features.Metrics;

/// <summary>The screening funnel in the catalogue: its starting steps, and an admin (only) putting a metric into it or taking one out.</summary>
public sealed class MetricFunnelTests(CampaignHubAppFactory factory) : IClassFixture<CampaignHubAppFactory>
{
    private async Task<Actor> ActorAsync(string role) =>
        await factory.ActorAsync(await factory.CreateUserAsync($"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.campaignhub.local", role));

    [Fact]
    public async Task The_starting_catalogue_orders_invited_screened_positive_referred_and_diagnosed_early_and_an_admin_extends_it()
    {
        var admin = await ActorAsync(Roles.Admin);
        var coordinator = await ActorAsync(Roles.Coordinator);
        var campaign = await factory.AddCampaignAsync("湘潭市城市癌症早诊早治项目", new(2022, 1, 1), new(2022, 12, 31));
        await using var scope = factory.ScopeFor(admin);
        var metrics = scope.ServiceProvider.GetRequiredService<MetricDefinitionService>();
        var campaigns = scope.ServiceProvider.GetRequiredService<CampaignService>();

        (await campaigns.ResultDefinitionsAsync(campaign)).Funnel.Select(m => m.Code).ShouldBe(["invited", "screened", "positive", "referred", "diagnosed_early"]);
        var catalogue = await metrics.ListAsync();
        catalogue.Single(m => m.Code == "tests_performed").FunnelStep.ShouldBeNull();

        var treated = await metrics.CreateAsync(admin, new MetricDefinitionInput
        {
            Code = "treated", Name = "早治人数", NameEn = "People treated early", Unit = "人", UnitEn = "people", Group = "screening", SortOrder = 215, FunnelStep = 60,
        });
        treated.FunnelStep.ShouldBe(60);
        var invited = catalogue.Single(m => m.Code == "invited");
        var input = new MetricDefinitionInput
        {
            Name = invited.Name, NameEn = invited.NameEn, Unit = invited.Unit, UnitEn = invited.UnitEn, Group = invited.Group,
            SortOrder = invited.SortOrder, IsCount = invited.IsCount, FunnelStep = null,
        };
        await Should.ThrowAsync<ForbiddenException>(() => metrics.UpdateAsync(coordinator, invited.Id, input, invited.Version));
        var refused = await Should.ThrowAsync<DomainValidationException>(() => metrics.UpdateAsync(admin, invited.Id, new MetricDefinitionInput
        {
            Name = invited.Name, NameEn = invited.NameEn, Group = invited.Group, SortOrder = invited.SortOrder, FunnelStep = -1,
        }, invited.Version));
        refused.Errors.Keys.ShouldBe(["funnelStep"]);
        await metrics.UpdateAsync(admin, invited.Id, input, invited.Version);

        (await campaigns.ResultDefinitionsAsync(campaign)).Funnel.Select(m => m.Code).ShouldBe(["screened", "positive", "referred", "diagnosed_early", "treated"]);
    }
}
