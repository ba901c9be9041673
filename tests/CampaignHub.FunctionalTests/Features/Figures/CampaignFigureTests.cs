using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CampaignHub.Testing;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Common;
using CampaignHub.Web.Features.Figures;
using Microsoft.EntityFrameworkCore;

namespace CampaignHub.FunctionalTests.Features.Figures;

/// <summary>
/// Figures that belong to no single event (a week's WeChat reach), per campaign, unit and day: who may log
/// them, what is refused, no lost updates, the audit trail, and that the campaign totals count them.
/// </summary>
public sealed class CampaignFigureTests(EventRoleFixture data) : IClassFixture<EventRoleFixture>
{
    private CampaignFigureInput Reach(int unit, decimal value, DateOnly? day = null, long? version = null) => new()
    {
        UnitId = unit,
        Date = day ?? new DateOnly(2021, 4, 18),
        Figures = new Dictionary<string, decimal> { ["reach_wechat"] = value },
        Versions = version is { } v ? new Dictionary<string, long> { ["reach_wechat"] = v } : null,
    };

    [Fact]
    public async Task A_coordinator_logs_a_days_reach_for_their_unit_and_the_totals_count_it_for_that_unit_only()
    {
        var (_, client) = await data.App.ApiUserAsync(Roles.Coordinator, data.Breast);

        var response = await client.PostAsJsonAsync($"/api/campaigns/{data.Campaign}/figures",
            new { unitId = data.Breast, date = "2021-04-15", figures = new Dictionary<string, decimal> { ["reach_wechat"] = 38171, ["reach_douyin"] = 40 } });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var saved = await response.Content.ReadFromJsonAsync<JsonElement>();
        saved.GetArrayLength().ShouldBe(2);
        var listed = await client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{data.Campaign}/figures?unitId={data.Breast}&from=2021-04-15&to=2021-04-15");
        listed.EnumerateArray().Select(f => (f.GetProperty("code").GetString(), f.GetProperty("value").GetDecimal(), f.GetProperty("date").GetString()))
            .ShouldBe([("reach_douyin", 40m, "2021-04-15"), ("reach_wechat", 38171m, "2021-04-15")], ignoreOrder: true);

        var totals = await client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{data.Campaign}/totals?from=2021-04-15&to=2021-04-15");
        totals.GetProperty("metrics").GetProperty("reach_wechat").GetDecimal().ShouldBe(38171);
        var breast = await client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{data.Campaign}/totals?from=2021-04-15&to=2021-04-15&unitId={data.Breast}");
        breast.GetProperty("metrics").GetProperty("reach_wechat").GetDecimal().ShouldBe(38171);
        var lung = await client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{data.Campaign}/totals?from=2021-04-15&to=2021-04-15&unitId={data.Lung}");
        lung.GetProperty("metrics").TryGetProperty("reach_wechat", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task Admins_write_for_any_unit_coordinators_for_their_own_staff_for_none()
    {
        var admin = await data.FiguresAsync(s => s.SaveAsync(data.Admin, data.Campaign, Reach(data.Lung, 100, new(2021, 4, 19))));
        admin.Single().UnitId.ShouldBe(data.Lung);
        var own = await data.FiguresAsync(s => s.SaveAsync(data.BreastCoordinator, data.Campaign, Reach(data.Breast, 200, new(2021, 4, 19))));
        own.Single().Value.ShouldBe(200);

        await Should.ThrowAsync<ForbiddenException>(() => data.FiguresAsync(s => s.SaveAsync(data.LungCoordinator, data.Campaign, Reach(data.Breast, 1, new(2021, 4, 20)))));
        await Should.ThrowAsync<ForbiddenException>(() => data.FiguresAsync(s => s.SaveAsync(data.Staff, data.Campaign, Reach(data.Breast, 1, new(2021, 4, 20)))));
        (await data.FiguresAsync(s => s.ListAsync(data.Campaign, new CampaignFigureQuery { From = new(2021, 4, 20), To = new(2021, 4, 20) }))).ShouldBeEmpty();

        // Deleting follows the same rule.
        var figure = own.Single();
        await Should.ThrowAsync<ForbiddenException>(() => data.FiguresAsync(s => s.DeleteAsync(data.LungCoordinator, data.Campaign, figure.Id, figure.Version)));
        await Should.ThrowAsync<ForbiddenException>(() => data.FiguresAsync(s => s.DeleteAsync(data.Staff, data.Campaign, figure.Id, figure.Version)));
        await data.FiguresAsync(s => s.DeleteAsync(data.BreastCoordinator, data.Campaign, figure.Id, figure.Version));
        await data.FiguresAsync(s => s.DeleteAsync(data.Admin, data.Campaign, admin.Single().Id, null));
        (await data.FiguresAsync(s => s.ListAsync(data.Campaign, new CampaignFigureQuery { From = new(2021, 4, 19), To = new(2021, 4, 19) }))).ShouldBeEmpty();
    }

    [Fact]
    public async Task Bad_figures_are_refused_naming_each_field_and_nothing_is_saved()
    {
        var (_, client) = await data.App.ApiUserAsync(Roles.Admin);

        var response = await client.PostAsJsonAsync($"/api/campaigns/{data.Campaign}/figures", new
        {
            unitId = 9999,
            date = "2021-05-01",
            figures = new Dictionary<string, decimal> { ["reach_wechat"] = -5, ["likes"] = 3 },
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "unitId", "date", "figures.reach_wechat", "figures.likes" })
        {
            errors.TryGetProperty(field, out _).ShouldBeTrue($"no error for {field}: {errors}");
        }

        errors.GetProperty("date")[0].GetString()!.ShouldContain("2021-04-15");
        var notANumber = await client.PostAsync($"/api/campaigns/{data.Campaign}/figures", new StringContent(
            $$$"""{"unitId": {{{data.Breast}}}, "date": "2021-04-16", "figures": {"reach_wechat": "lots"}}""", System.Text.Encoding.UTF8, "application/json"));
        notANumber.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await notANumber.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("figures.reach_wechat", out _).ShouldBeTrue();
        (await client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{data.Campaign}/figures?from=2021-04-16&to=2021-04-16")).GetArrayLength().ShouldBe(0);
        (await client.GetAsync("/api/campaigns/9999/figures")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Replacing_a_figure_needs_the_version_read_and_a_stale_one_changes_nothing()
    {
        var day = new DateOnly(2021, 4, 21);
        var first = (await data.FiguresAsync(s => s.SaveAsync(data.BreastCoordinator, data.Campaign, Reach(data.Breast, 1000, day)))).Single();

        // Without a version someone else's figure is not overwritten silently: a conflict showing it.
        var blind = await Should.ThrowAsync<ConcurrencyConflictException>(() =>
            data.FiguresAsync(s => s.SaveAsync(data.Admin, data.Campaign, Reach(data.Breast, 5, day))));
        blind.Current.ShouldBeAssignableTo<IReadOnlyList<CampaignFigure>>()!.Single().Value.ShouldBe(1000);

        var second = (await data.FiguresAsync(s => s.SaveAsync(data.Admin, data.Campaign, Reach(data.Breast, 1200, day, first.Version)))).Single();
        second.Value.ShouldBe(1200);
        second.Version.ShouldBe(first.Version + 1);

        var stale = await Should.ThrowAsync<ConcurrencyConflictException>(() =>
            data.FiguresAsync(s => s.SaveAsync(data.BreastCoordinator, data.Campaign, Reach(data.Breast, 900, day, first.Version))));
        stale.Current.ShouldBeAssignableTo<IReadOnlyList<CampaignFigure>>()!.Single().Value.ShouldBe(1200);
        await Should.ThrowAsync<ConcurrencyConflictException>(() =>
            data.FiguresAsync(s => s.DeleteAsync(data.BreastCoordinator, data.Campaign, first.Id, first.Version)));

        var stored = await data.FiguresAsync(s => s.ListAsync(data.Campaign, new CampaignFigureQuery { UnitId = data.Breast, From = day, To = day }));
        stored.Single().Value.ShouldBe(1200);
    }

    [Fact]
    public async Task The_api_answers_409_with_the_current_figures_on_a_stale_save()
    {
        var (_, client) = await data.App.ApiUserAsync(Roles.Coordinator, data.Breast);
        var day = new DateOnly(2021, 4, 17);
        var created = (await data.FiguresAsync(s => s.SaveAsync(data.Admin, data.Campaign, Reach(data.Breast, 700, day)))).Single();

        var conflict = await client.PostAsJsonAsync($"/api/campaigns/{data.Campaign}/figures",
            new { unitId = data.Breast, date = "2021-04-17", figures = new Dictionary<string, decimal> { ["reach_wechat"] = 1 } });
        var replaced = await client.PostAsJsonAsync($"/api/campaigns/{data.Campaign}/figures", new
        {
            unitId = data.Breast,
            date = "2021-04-17",
            figures = new Dictionary<string, decimal> { ["reach_wechat"] = 750 },
            versions = new Dictionary<string, long> { ["reach_wechat"] = created.Version },
        });

        conflict.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await conflict.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("current")[0].GetProperty("value").GetDecimal().ShouldBe(700);
        replaced.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await replaced.Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("value").GetDecimal().ShouldBe(750);
    }

    [Fact]
    public async Task Campaign_figure_changes_are_audited_with_user_and_old_and_new_values()
    {
        var day = new DateOnly(2021, 4, 16);
        var created = (await data.App.AsAsync(data.BreastCoordinator, (CampaignFigureService s) => s.SaveAsync(data.BreastCoordinator, data.Campaign, Reach(data.Breast, 10, day)))).Single();
        var updated = (await data.App.AsAsync(data.Admin, (CampaignFigureService s) => s.SaveAsync(data.Admin, data.Campaign, Reach(data.Breast, 12, day, created.Version)))).Single();
        await data.App.AsAsync(data.BreastCoordinator, (CampaignFigureService s) => s.DeleteAsync(data.BreastCoordinator, data.Campaign, updated.Id, updated.Version));

        await using var db = await data.App.DbAsync();
        var entries = await db.AuditEntries.Where(a => a.EntityType == "MetricValue" && a.EntityId == created.Id.ToString()).OrderBy(a => a.Id).ToListAsync();
        entries.Select(e => (e.Action, e.UserId)).ShouldBe([
            ("create", data.BreastCoordinator.UserId), ("update", data.Admin.UserId), ("delete", data.BreastCoordinator.UserId)]);
        entries.ShouldAllBe(e => e.CampaignId == data.Campaign);
        var update = JsonDocument.Parse(entries[1].Changes).RootElement.GetProperty("Value");
        (update.GetProperty("old").GetDecimal(), update.GetProperty("new").GetDecimal()).ShouldBe((10m, 12m));
    }

    [Fact]
    public async Task The_openapi_document_describes_campaign_figures_and_event_photos()
    {
        var paths = (await data.App.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json")).GetProperty("paths");

        paths.GetProperty("/api/campaigns/{id}/figures").TryGetProperty("post", out _).ShouldBeTrue();
        paths.GetProperty("/api/campaigns/{id}/figures").TryGetProperty("get", out _).ShouldBeTrue();
        paths.TryGetProperty("/api/campaigns/{id}/figures/{figureId}", out _).ShouldBeTrue();
        paths.GetProperty("/api/events/{eventId}/photos").TryGetProperty("post", out _).ShouldBeTrue();
        paths.TryGetProperty("/api/events/{eventId}/photos/{photoId}", out _).ShouldBeTrue();
    }
}
