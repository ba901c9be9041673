using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CampaignHub.Testing;
using CampaignHub.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CampaignHub.FunctionalTests.Features.Organisations;

/// <summary>
/// Organisations and their venues through /api, with the units' rules: everyone signed in reads, admins write,
/// 403 before 400, a write names the version it read and a stale one is a 409 with the organisation as it is now.
/// </summary>
public sealed class OrganisationApiTests(CampaignHubAppFactory factory) : IClassFixture<CampaignHubAppFactory>
{
    private static string Unique(string name) => $"{name} {Guid.NewGuid():N}"[..Math.Min(name.Length + 9, 60)];

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        response.StatusCode.ShouldBe(status, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task An_admin_creates_a_hospital_with_a_venue_changes_it_and_everyone_signed_in_reads_it()
    {
        var (_, admin) = await factory.ApiUserAsync(Roles.Admin);
        var name = Unique("天津医科大学肿瘤医院");

        var created = await JsonAsync(await admin.PostAsJsonAsync("/api/organisations", new
        {
            name, nameEn = "Tianjin Medical University Cancer Hospital", kind = "hospital", address = "天津市河西区",
            venues = new[] { new { name = "门诊大厅", nameEn = "Outpatient hall" } },
        }), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt32();
        created.GetProperty("kind").GetString().ShouldBe("hospital");
        created.GetProperty("venues")[0].GetProperty("name").GetString().ShouldBe("门诊大厅");

        var (_, staff) = await factory.ApiUserAsync(Roles.Staff);
        (await staff.GetFromJsonAsync<JsonElement>("/api/organisations")).EnumerateArray().ShouldContain(o => o.GetProperty("id").GetInt32() == id);
        (await staff.GetFromJsonAsync<JsonElement>($"/api/organisations/{id}")).GetProperty("nameEn").GetString().ShouldBe("Tianjin Medical University Cancer Hospital");
        (await staff.GetFromJsonAsync<JsonElement>($"/api/organisations/{id}/venues")).GetArrayLength().ShouldBe(1);
        (await staff.GetAsync("/api/organisations/999999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await staff.GetAsync("/api/organisations/999999/venues")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var version = created.GetProperty("version").GetInt64();
        var updated = await JsonAsync(await admin.PutAsJsonAsync($"/api/organisations/{id}", new
        {
            name, kind = "hospital", address = "天津市河西区体院北", version,
            venues = new[] { new { id = (int?)created.GetProperty("venues")[0].GetProperty("id").GetInt32(), name = "门诊大厅" }, new { id = (int?)null, name = "科普教育基地" } },
        }), HttpStatusCode.OK);
        updated.GetProperty("version").GetInt64().ShouldBe(version + 1);
        updated.GetProperty("venues").GetArrayLength().ShouldBe(2);

        // The first save's version is stale now: a 409 carrying the organisation as it is.
        var conflict = await JsonAsync(await admin.PutAsJsonAsync($"/api/organisations/{id}", new { name, kind = "hospital", version }), HttpStatusCode.Conflict);
        conflict.GetRawText().ShouldContain("科普教育基地");
        var missingVersion = await JsonAsync(await admin.PutAsJsonAsync($"/api/organisations/{id}", new { name, kind = "hospital" }), HttpStatusCode.BadRequest);
        missingVersion.GetProperty("errors").TryGetProperty("version", out _).ShouldBeTrue();

        (await admin.DeleteAsync($"/api/organisations/{id}?version={version}")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await admin.DeleteAsync($"/api/organisations/{id}?version={version + 1}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await staff.GetAsync($"/api/organisations/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Venues_are_added_changed_and_removed_one_by_one_each_bumping_the_organisations_version()
    {
        var (_, admin) = await factory.ApiUserAsync(Roles.Admin);
        var organisation = await JsonAsync(await admin.PostAsJsonAsync("/api/organisations", new { name = Unique("湘潭市中心医院"), kind = "hospital" }), HttpStatusCode.Created);
        var id = organisation.GetProperty("id").GetInt32();

        var venue = await JsonAsync(await admin.PostAsJsonAsync($"/api/organisations/{id}/venues", new { name = "体检中心", nameEn = "Health check centre" }), HttpStatusCode.Created);
        var venueId = venue.GetProperty("id").GetInt32();
        venue.GetProperty("nameEn").GetString().ShouldBe("Health check centre");
        var afterAdd = await admin.GetFromJsonAsync<JsonElement>($"/api/organisations/{id}");
        afterAdd.GetProperty("version").GetInt64().ShouldBe(organisation.GetProperty("version").GetInt64() + 1);

        var changed = await JsonAsync(await admin.PutAsJsonAsync($"/api/organisations/{id}/venues/{venueId}",
            new { name = "肺癌筛查中心", version = afterAdd.GetProperty("version").GetInt64() }), HttpStatusCode.OK);
        changed.GetProperty("name").GetString().ShouldBe("肺癌筛查中心");
        changed.GetProperty("id").GetInt32().ShouldBe(venueId);

        // Stale: the change above moved the version on.
        (await admin.PutAsJsonAsync($"/api/organisations/{id}/venues/{venueId}",
            new { name = "旧名", version = afterAdd.GetProperty("version").GetInt64() })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await admin.PutAsJsonAsync($"/api/organisations/{id}/venues/999999", new { name = "x", version = 1 })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await admin.DeleteAsync($"/api/organisations/{id}/venues/{venueId}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await admin.GetFromJsonAsync<JsonElement>($"/api/organisations/{id}/venues")).GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Bad_input_is_a_400_naming_the_field_and_nothing_is_written()
    {
        var (_, admin) = await factory.ApiUserAsync(Roles.Admin);
        await using var db = await factory.DbAsync();
        var before = await db.Organisations.CountAsync();

        var errors = (await JsonAsync(await admin.PostAsJsonAsync("/api/organisations", new
        {
            name = "", kind = "castle", address = new string('址', 301), venues = new[] { new { name = "" } },
        }), HttpStatusCode.BadRequest)).GetProperty("errors");

        errors.EnumerateObject().Select(p => p.Name).ShouldBe(["name", "kind", "address", "venues[0].name"], ignoreOrder: true);
        (await db.Organisations.CountAsync()).ShouldBe(before);

        var organisation = await JsonAsync(await admin.PostAsJsonAsync("/api/organisations", new { name = Unique("秦皇岛市妇幼保健院"), kind = "hospital" }), HttpStatusCode.Created);
        var id = organisation.GetProperty("id").GetInt32();
        var venueErrors = (await JsonAsync(await admin.PostAsJsonAsync($"/api/organisations/{id}/venues", new { name = " ", nameEn = new string('n', 201) }),
            HttpStatusCode.BadRequest)).GetProperty("errors");
        venueErrors.EnumerateObject().Select(p => p.Name).ShouldBe(["name", "nameEn"], ignoreOrder: true);
        (await admin.GetFromJsonAsync<JsonElement>($"/api/organisations/{id}")).GetProperty("version").GetInt64().ShouldBe(organisation.GetProperty("version").GetInt64());
        (await admin.PostAsJsonAsync("/api/organisations/999999/venues", new { name = "大厅" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_venue_an_event_took_place_at_stays_and_its_removal_is_a_400()
    {
        var (_, admin) = await factory.ApiUserAsync(Roles.Admin);
        var organisation = await JsonAsync(await admin.PostAsJsonAsync("/api/organisations", new
        {
            name = Unique("青海省肿瘤医院"), kind = "hospital", venues = new[] { new { name = "报告厅" } },
        }), HttpStatusCode.Created);
        var id = organisation.GetProperty("id").GetInt32();
        var venueId = organisation.GetProperty("venues")[0].GetProperty("id").GetInt32();
        var unit = await factory.AddUnitAsync(Unique("乳房再造科"), UnitKind.Department);
        var campaign = await factory.AddCampaignAsync("乳房再造公益行", new(2021, 1, 1), new(2021, 12, 31), unit);
        await using (var db = await factory.DbAsync())
        {
            var e = new CampaignEvent
            {
                CampaignId = campaign, Title = "医护培训", Kind = EventKind.Training, Channel = EventChannel.Offline, Status = EventStatus.Held,
                StartsAt = new DateTime(2021, 6, 1, 9, 0, 0), EndsAt = new DateTime(2021, 6, 1, 12, 0, 0), VenueId = venueId,
            };
            e.Units.Add(new EventUnit { UnitId = unit });
            db.Events.Add(e);
            await db.SaveChangesAsync();
        }

        var refused = await JsonAsync(await admin.DeleteAsync($"/api/organisations/{id}/venues/{venueId}"), HttpStatusCode.BadRequest);

        refused.GetProperty("errors").TryGetProperty("id", out _).ShouldBeTrue();
        (await admin.GetFromJsonAsync<JsonElement>($"/api/organisations/{id}/venues")).GetArrayLength().ShouldBe(1);
    }

    [Theory]
    [InlineData(Roles.Coordinator)]
    [InlineData(Roles.Staff)]
    public async Task Coordinators_and_staff_read_but_every_write_is_a_403_even_with_wrong_fields(string role)
    {
        var (_, admin) = await factory.ApiUserAsync(Roles.Admin);
        var organisation = await JsonAsync(await admin.PostAsJsonAsync("/api/organisations", new
        {
            name = Unique("滨海新区妇联"), kind = "womens_federation", venues = new[] { new { name = "会议室" } },
        }), HttpStatusCode.Created);
        var id = organisation.GetProperty("id").GetInt32();
        var venueId = organisation.GetProperty("venues")[0].GetProperty("id").GetInt32();
        var unit = await factory.AddUnitAsync(Unique("乳腺影像诊断科"), UnitKind.Department);
        var (_, client) = await factory.ApiUserAsync(role, role == Roles.Coordinator ? [unit] : []);

        (await client.GetAsync($"/api/organisations/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PostAsJsonAsync("/api/organisations", new { name = "", kind = "castle" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.PutAsJsonAsync($"/api/organisations/{id}", new { name = "" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.DeleteAsync($"/api/organisations/{id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.PostAsJsonAsync($"/api/organisations/{id}/venues", new { name = "" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.PutAsJsonAsync($"/api/organisations/{id}/venues/{venueId}", new { name = "" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.DeleteAsync($"/api/organisations/{id}/venues/{venueId}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var after = await admin.GetFromJsonAsync<JsonElement>($"/api/organisations/{id}");
        after.GetProperty("version").GetInt64().ShouldBe(organisation.GetProperty("version").GetInt64());
        after.GetProperty("venues").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_organisation_and_venue_endpoints()
    {
        var (_, client) = await factory.ApiUserAsync(Roles.Staff);

        var document = await client.GetStringAsync("/openapi/v1.json");

        document.ShouldContain("/api/organisations/{id}/venues/{venueId}");
        document.ShouldContain("Adds a venue to an organisation (admins only)");
        document.ShouldContain("Creates an organisation (admins only)");
    }
}
