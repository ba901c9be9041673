using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CampaignHub.Testing;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignHub.FunctionalTests.Features.Events;

/// <summary>Input at the edges: nulls, far dates and pages, campaigns a coordinator's unit is not in, retired metrics.</summary>
public sealed class EventEdgeCaseTests(CampaignHubAppFactory factory) : IClassFixture<CampaignHubAppFactory>
{
    [Fact]
    public async Task Null_lists_in_an_event_are_field_errors_not_a_500()
    {
        var unit = await factory.AddUnitAsync("肝癌专委会");
        var campaign = await factory.AddCampaignAsync("Week", new(2021, 4, 15), new(2021, 4, 21), unit);
        var (_, client) = await factory.ApiUserAsync(Roles.Admin);
        var json = $$"""{"campaignId": {{campaign}}, "unitIds": null, "speakers": [null], "title": "讲座", "kind": "lecture", "channel": "online", "start": "2021-04-16T09:00:00", "end": "2021-04-16T10:00:00"}""";

        var response = await client.PostAsync("/api/events", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.TryGetProperty("unitIds", out _).ShouldBeTrue(errors.ToString());
        errors.TryGetProperty("speakers[0]", out _).ShouldBeTrue(errors.ToString());
    }

    [Fact]
    public async Task The_last_possible_date_and_a_page_far_past_the_end_answer_normally()
    {
        var campaign = await factory.AddCampaignAsync("Open-ended", new(2021, 1, 1), new(2021, 12, 31));
        var (_, client) = await factory.ApiUserAsync(Roles.Staff);

        (await client.GetAsync($"/api/campaigns/{campaign}/totals?from=2021-01-01&to=9999-12-31")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/api/events?to=9999-12-31")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var far = await client.GetFromJsonAsync<JsonElement>("/api/events?page=30000000&pageSize=100");
        far.GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task A_coordinator_cannot_move_an_event_into_a_campaign_their_unit_is_not_in()
    {
        var breast = await factory.AddUnitAsync("乳腺癌专委会");
        var ours = await factory.AddCampaignAsync("Ours", new(2021, 4, 15), new(2021, 4, 21), breast);
        var theirs = await factory.AddCampaignAsync("Someone else's", new(2021, 4, 15), new(2021, 4, 21));
        var (_, client) = await factory.ApiUserAsync(Roles.Coordinator, breast);
        var created = await (await client.PostAsJsonAsync("/api/events", new
        {
            campaignId = ours, unitIds = new[] { breast }, title = "义诊", kind = "free_clinic", channel = "offline",
            start = "2021-04-16T09:00:00", end = "2021-04-16T11:00:00",
        })).Content.ReadFromJsonAsync<JsonElement>();
        var moved = JsonSerializer.Deserialize<Dictionary<string, object?>>(created.GetRawText())!;
        moved["campaignId"] = theirs;

        var response = await client.PutAsJsonAsync($"/api/events/{created.GetProperty("id").GetInt32()}", moved);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("unitIds", out _).ShouldBeTrue();
        var stored = await client.GetFromJsonAsync<JsonElement>($"/api/events/{created.GetProperty("id").GetInt32()}");
        stored.GetProperty("campaignId").GetInt32().ShouldBe(ours);
    }

    [Fact]
    public async Task Saving_an_events_figures_keeps_the_figures_of_a_retired_metric()
    {
        var unit = await factory.AddUnitAsync("胃癌专委会");
        var campaign = await factory.AddCampaignAsync("Week", new(2021, 4, 15), new(2021, 4, 21), unit);
        var admin = await factory.ActorAsync(await factory.CreateUserAsync("retired-metric@test.campaignhub.local", Roles.Admin));
        await using var scope = factory.Services.CreateAsyncScope();
        var events = scope.ServiceProvider.GetRequiredService<EventService>();
        var logged = await events.CreateAsync(admin, new EventInput
        {
            CampaignId = campaign, UnitIds = [unit], Title = "科普讲座", Kind = "lecture", Channel = "offline",
            Start = new DateTime(2021, 4, 17, 9, 0, 0), End = new DateTime(2021, 4, 17, 10, 0, 0),
            Figures = new() { ["av_products"] = 3, ["brochures"] = 50 },
        });
        await using (var db = await factory.DbAsync())
        {
            await db.MetricDefinitions.Where(m => m.Code == "av_products").ExecuteUpdateAsync(s => s.SetProperty(m => m.IsActive, false));
        }

        var saved = await events.SaveFiguresAsync(admin, logged.Id, new Dictionary<string, decimal> { ["brochures"] = 60 }, logged.Version);

        saved.Figures["brochures"].ShouldBe(60);
        saved.Figures["av_products"].ShouldBe(3);
        await using (var db = await factory.DbAsync())
        {
            await db.MetricDefinitions.Where(m => m.Code == "av_products").ExecuteUpdateAsync(s => s.SetProperty(m => m.IsActive, true));
        }
    }
}
