using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CampaignHub.Testing;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Audit;
using CampaignHub.Web.Features.Campaigns;
using CampaignHub.Web.Features.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignHub.FunctionalTests.Features.Campaigns;

/// <summary>The campaigns API and service: who may write, what is refused, stale saves, and the audit trail.</summary>
public sealed class CampaignApiTests(CampaignHubAppFactory factory) : IClassFixture<CampaignHubAppFactory>
{
    private static string Unique(string name) => $"{name} {Guid.NewGuid():N}"[..Math.Min(name.Length + 9, 60)];

    private async Task<int> AddOrganisationAsync(string name)
    {
        await using var db = await factory.DbAsync();
        var organisation = new Organisation { Name = Unique(name), Kind = OrganisationKind.Association };
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        return organisation.Id;
    }

    private static Dictionary<string, object?> Shanxi2021(int organiserId, int unitId) => new()
    {
        ["name"] = "第27届全国肿瘤防治宣传周",
        ["nameEn"] = "27th National Cancer Prevention Week",
        ["theme"] = "点亮癌症之路 助力健康中国",
        ["edition"] = "第27届",
        ["startDate"] = "2021-04-15",
        ["endDate"] = "2021-04-21",
        ["organiserIds"] = new[] { organiserId },
        ["unitIds"] = new[] { unitId },
        ["targets"] = new Dictionary<string, decimal> { ["public_benefited"] = 10000, ["patients_benefited"] = 4000 },
        ["outcomes"] = new[] { new { name = "一个月戒烟率", nameEn = "Quit after one month", ratePercent = 47.8m, note = "17,326 人" } },
    };

    [Fact]
    public async Task An_admin_creates_a_campaign_and_reads_it_back_with_dates_units_and_targets()
    {
        var unit = await factory.AddUnitAsync(Unique("乳腺癌专委会"));
        var organiser = await AddOrganisationAsync("山西省抗癌协会");
        var (_, admin) = await factory.ApiUserAsync(Roles.Admin);

        var response = await admin.PostAsJsonAsync("/api/campaigns", Shanxi2021(organiser, unit));

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetInt32();
        response.Headers.Location!.ToString().ShouldBe($"/api/campaigns/{id}");

        var (_, staff) = await factory.ApiUserAsync(Roles.Staff);
        var campaign = await staff.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}");
        campaign.GetProperty("name").GetString().ShouldBe("第27届全国肿瘤防治宣传周");
        campaign.GetProperty("theme").GetString().ShouldBe("点亮癌症之路 助力健康中国");
        campaign.GetProperty("edition").GetString().ShouldBe("第27届");
        campaign.GetProperty("startDate").GetString().ShouldBe("2021-04-15");
        campaign.GetProperty("endDate").GetString().ShouldBe("2021-04-21");
        campaign.GetProperty("unitIds").EnumerateArray().Select(e => e.GetInt32()).ShouldBe([unit]);
        campaign.GetProperty("organiserIds").EnumerateArray().Select(e => e.GetInt32()).ShouldBe([organiser]);
        campaign.GetProperty("targets").GetProperty("public_benefited").GetDecimal().ShouldBe(10000);
        campaign.GetProperty("targets").GetProperty("patients_benefited").GetDecimal().ShouldBe(4000);
        campaign.GetProperty("outcomes")[0].GetProperty("ratePercent").GetDecimal().ShouldBe(47.8m);
        campaign.GetProperty("version").GetInt64().ShouldBe(1);

        var list = await staff.GetFromJsonAsync<JsonElement>("/api/campaigns");
        list.ValueKind.ShouldBe(JsonValueKind.Array);
        list.EnumerateArray().ShouldContain(c => c.GetProperty("id").GetInt32() == id);
    }

    [Fact]
    public async Task Bad_input_is_a_400_naming_every_wrong_field_and_nothing_is_saved()
    {
        var (_, admin) = await factory.ApiUserAsync(Roles.Admin);
        var name = Unique("Broken campaign");
        var body = new Dictionary<string, object?>
        {
            ["name"] = name,
            ["startDate"] = "2021-04-21",
            ["endDate"] = "2021-04-15",
            ["unitIds"] = new[] { 987654 },
            ["organiserIds"] = new[] { 876543 },
            ["targets"] = new Dictionary<string, decimal> { ["screened"] = -5, ["no_such_metric"] = 3 },
            ["outcomes"] = new[] { new { name = "", ratePercent = 120m } },
        };

        var response = await admin.PostAsJsonAsync("/api/campaigns", body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "endDate", "unitIds", "organiserIds", "targets.screened", "targets.no_such_metric", "outcomes[0].name", "outcomes[0].ratePercent" })
        {
            errors.TryGetProperty(field, out _).ShouldBeTrue($"no error for {field}: {errors}");
        }

        await using var db = await factory.DbAsync();
        (await db.Campaigns.AnyAsync(c => c.Name == name)).ShouldBeFalse();
    }

    [Fact]
    public async Task A_malformed_date_is_a_400_naming_the_field_not_a_500()
    {
        var (_, admin) = await factory.ApiUserAsync(Roles.Admin);
        var json = """{"name": "x", "startDate": "15/04/2021", "endDate": "2021-04-21"}""";

        var response = await admin.PostAsync("/api/campaigns", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("startDate", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Json_nulls_are_empty_lists_or_field_errors_never_a_500()
    {
        var (_, admin) = await factory.ApiUserAsync(Roles.Admin);
        var json = """{"name": "Nulls", "startDate": "2021-04-15", "endDate": "2021-04-21", "unitIds": null, "organiserIds": null, "targets": null, "outcomes": [null]}""";

        var response = await admin.PostAsync("/api/campaigns", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldBe(["outcomes[0]"]);

        var withoutOutcomes = await admin.PostAsync("/api/campaigns", new StringContent(json.Replace("[null]", "null"), System.Text.Encoding.UTF8, "application/json"));
        withoutOutcomes.StatusCode.ShouldBe(HttpStatusCode.Created);
        var unit = await admin.PostAsync("/api/units", new StringContent($$"""{"name": "{{Unique("Nulls")}}", "coordinatorEmails": null}""", System.Text.Encoding.UTF8, "application/json"));
        unit.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Theory]
    [InlineData(Roles.Coordinator)]
    [InlineData(Roles.Staff)]
    public async Task Coordinators_and_staff_get_403_on_every_campaign_write_and_nothing_changes(string role)
    {
        var unit = await factory.AddUnitAsync(Unique("肺癌专委会"));
        var campaignId = await factory.AddCampaignAsync(Unique("Week"), new(2021, 4, 15), new(2021, 4, 21), unit);
        var (userId, client) = await factory.ApiUserAsync(role, unit);
        var body = Shanxi2021(await AddOrganisationAsync("Org"), unit);

        (await client.PostAsJsonAsync("/api/campaigns", body)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        body["version"] = 1L;
        (await client.PutAsJsonAsync($"/api/campaigns/{campaignId}", body)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var actor = await factory.ActorAsync(userId);
        await using var scope = factory.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<CampaignService>();
        var input = new CampaignInput { Name = "x", StartDate = new(2021, 1, 1), EndDate = new(2021, 1, 2) };
        await Should.ThrowAsync<ForbiddenException>(() => service.CreateAsync(actor, input));
        await Should.ThrowAsync<ForbiddenException>(() => service.UpdateAsync(actor, campaignId, input, 1));
        await Should.ThrowAsync<ForbiddenException>(() => service.DeleteAsync(actor, campaignId, null));

        var stored = await service.GetAsync(campaignId);
        stored!.Version.ShouldBe(1);
        stored.Name.ShouldNotBe("第27届全国肿瘤防治宣传周");
    }

    [Fact]
    public async Task The_second_of_two_saves_of_the_same_version_gets_409_with_the_other_change()
    {
        var unit = await factory.AddUnitAsync(Unique("胃癌专委会"));
        var (_, admin) = await factory.ApiUserAsync(Roles.Admin);
        var created = await (await admin.PostAsJsonAsync("/api/campaigns", Shanxi2021(await AddOrganisationAsync("Org"), unit)))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetInt32();

        var first = JsonSerializer.Deserialize<Dictionary<string, object?>>(created.GetRawText())!;
        first["theme"] = "First editor's theme";
        var second = new Dictionary<string, object?>(first) { ["theme"] = "Second editor's theme" };

        (await admin.PutAsJsonAsync($"/api/campaigns/{id}", first)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var conflict = await admin.PutAsJsonAsync($"/api/campaigns/{id}", second);

        conflict.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await conflict.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("current").GetProperty("theme").GetString().ShouldBe("First editor's theme");
        problem.GetProperty("current").GetProperty("version").GetInt64().ShouldBe(2);
        (await admin.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}")).GetProperty("theme").GetString().ShouldBe("First editor's theme");
    }

    [Fact]
    public async Task A_stale_save_through_the_service_is_refused_even_when_only_a_target_changed()
    {
        var unit = await factory.AddUnitAsync(Unique("结直肠癌专委会"));
        var adminId = await factory.CreateUserAsync($"admin-{Guid.NewGuid():N}@test.campaignhub.local", Roles.Admin);
        var actor = await factory.ActorAsync(adminId);
        await using var scope = factory.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<CampaignService>();
        var created = await service.CreateAsync(actor, Input(unit, Unique("Week"), targets: new() { ["screened"] = 100 }));

        // The first editor changes only a target: that is a new version of the campaign.
        var saved = await service.UpdateAsync(actor, created.Id, Input(unit, created.Name, targets: new() { ["screened"] = 150 }), created.Version);
        saved.Version.ShouldBe(created.Version + 1);

        var conflict = await Should.ThrowAsync<ConcurrencyConflictException>(() =>
            service.UpdateAsync(actor, created.Id, Input(unit, created.Name, targets: new() { ["screened"] = 999 }), created.Version));
        ((CampaignDetails)conflict.Current!).Targets["screened"].ShouldBe(150);
        (await service.GetAsync(created.Id))!.Targets["screened"].ShouldBe(150);
    }

    [Fact]
    public async Task Updating_a_campaign_writes_an_audit_entry_with_old_and_new_values_that_admins_can_browse()
    {
        var unit = await factory.AddUnitAsync(Unique("头颈肿瘤专委会"));
        var email = $"admin-{Guid.NewGuid():N}@test.campaignhub.local";
        var adminId = await factory.CreateUserAsync(email, Roles.Admin);
        var actor = await factory.ActorAsync(adminId);
        await using var scope = factory.ScopeFor(actor);
        var service = scope.ServiceProvider.GetRequiredService<CampaignService>();
        var created = await service.CreateAsync(actor, Input(unit, "Old name", targets: new() { ["screened"] = 100 }));

        await service.UpdateAsync(actor, created.Id, Input(unit, "New name", targets: new() { ["screened"] = 250 }), created.Version);

        var audit = scope.ServiceProvider.GetRequiredService<AuditService>();
        var updates = await audit.ListAsync(actor, new AuditQuery { CampaignId = created.Id, Action = AuditAction.Update });
        var campaign = updates.Items.Single(i => i.EntityType == nameof(Campaign));
        campaign.UserEmail.ShouldBe(email);
        campaign.Changes.ShouldContain(c => c.Property == "Name" && c.Old == "Old name" && c.New == "New name");
        var target = updates.Items.Single(i => i.EntityType == nameof(CampaignTarget));
        var change = target.Changes.Single(c => c.Property == "Target");
        decimal.Parse(change.Old!, System.Globalization.CultureInfo.InvariantCulture).ShouldBe(100);
        decimal.Parse(change.New!, System.Globalization.CultureInfo.InvariantCulture).ShouldBe(250);

        // A target created with its campaign names the campaign (by its real id, not the temporary one before the save).
        var createdTarget = await audit.ListAsync(actor, new AuditQuery { CampaignId = created.Id, Action = AuditAction.Create, EntityType = nameof(CampaignTarget) });
        createdTarget.Items.Single().Changes.ShouldContain(c => c.Property == "CampaignId" && c.Old == null && c.New == "New name");

        // Filters narrow the list: by user e-mail, entity type and the (local) day.
        var today = DateOnly.FromDateTime(campaign.At);
        (await audit.ListAsync(actor, new AuditQuery { User = email.ToUpperInvariant(), EntityType = nameof(Campaign), From = today, To = today }))
            .Items.Select(i => i.Action).ShouldBe([AuditAction.Update, AuditAction.Create]);
        (await audit.ListAsync(actor, new AuditQuery { User = email, From = today.AddDays(1) })).TotalCount.ShouldBe(0);
    }

    [Theory]
    [InlineData(Roles.Coordinator)]
    [InlineData(Roles.Staff)]
    public async Task Only_admins_browse_the_audit_trail(string role)
    {
        var userId = await factory.CreateUserAsync($"{role}-{Guid.NewGuid():N}@test.campaignhub.local", role);
        var actor = await factory.ActorAsync(userId);
        await using var scope = factory.Services.CreateAsyncScope();

        await Should.ThrowAsync<ForbiddenException>(() => scope.ServiceProvider.GetRequiredService<AuditService>().ListAsync(actor, new AuditQuery()));
    }

    [Fact]
    public async Task The_openapi_document_describes_the_campaign_and_unit_apis()
    {
        var document = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        paths.TryGetProperty("/api/campaigns", out _).ShouldBeTrue();
        paths.TryGetProperty("/api/campaigns/{id}", out _).ShouldBeTrue();
        paths.TryGetProperty("/api/units", out _).ShouldBeTrue();
    }

    private static CampaignInput Input(int unitId, string name, Dictionary<string, decimal> targets) => new()
    {
        Name = name,
        StartDate = new(2021, 4, 15),
        EndDate = new(2021, 4, 21),
        UnitIds = [unitId],
        Targets = targets,
    };
}
