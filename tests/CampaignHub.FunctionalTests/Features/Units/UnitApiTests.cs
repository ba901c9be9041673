using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CampaignHub.Testing;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Units;
using CampaignHub.Web.Features.Common;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignHub.FunctionalTests.Features.Units;

/// <summary>The units API and service: creation with coordinators by e-mail, validation, and who may write.</summary>
public sealed class UnitApiTests(CampaignHubAppFactory factory) : IClassFixture<CampaignHubAppFactory>
{
    private static string Unique(string name) => $"{name}-{Guid.NewGuid():N}"[..(name.Length + 9)];

    private static string Email(string role) => $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.campaignhub.local";

    [Fact]
    public async Task An_admin_creates_a_unit_with_its_coordinators_and_everyone_can_list_it()
    {
        var coordinatorEmail = Email(Roles.Coordinator);
        await factory.CreateUserAsync(coordinatorEmail, Roles.Coordinator);
        var (_, admin) = await factory.ApiUserAsync(Roles.Admin);
        var name = Unique("乳腺癌专委会");

        var response = await admin.PostAsJsonAsync("/api/units", new
        {
            name,
            nameEn = "Breast Cancer Committee",
            coordinatorEmails = new[] { coordinatorEmail.ToUpperInvariant() },
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetInt32();
        response.Headers.Location!.ToString().ShouldBe($"/api/units/{id}");
        created.GetProperty("name").GetString().ShouldBe(name);
        created.GetProperty("coordinatorEmails").EnumerateArray().Select(e => e.GetString()).ShouldBe([coordinatorEmail]);

        var (_, staff) = await factory.ApiUserAsync(Roles.Staff);
        var list = await staff.GetFromJsonAsync<JsonElement>("/api/units");
        list.ValueKind.ShouldBe(JsonValueKind.Array);
        list.EnumerateArray().Single(c => c.GetProperty("id").GetInt32() == id).GetProperty("nameEn").GetString().ShouldBe("Breast Cancer Committee");

        // The new coordinator may now log events for it: the unit is theirs.
        var coordinator = await factory.ActorAsync(await UserIdAsync(coordinatorEmail));
        coordinator.UnitIds.ShouldContain(id);
    }

    [Fact]
    public async Task Unknown_emails_and_users_who_are_not_coordinators_are_a_400_naming_coordinatorEmails()
    {
        var staffEmail = Email(Roles.Staff);
        await factory.CreateUserAsync(staffEmail, Roles.Staff);
        var (_, admin) = await factory.ApiUserAsync(Roles.Admin);

        var response = await admin.PostAsJsonAsync("/api/units", new
        {
            name = Unique("肺癌专委会"),
            coordinatorEmails = new[] { "nobody@example.org", staffEmail },
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        var messages = errors.GetProperty("coordinatorEmails").EnumerateArray().Select(e => e.GetString()).ToList();
        messages.Count.ShouldBe(2);
        messages.ShouldContain(m => m!.Contains("nobody@example.org"));
        messages.ShouldContain(m => m!.Contains(staffEmail));

        var missingName = await admin.PostAsJsonAsync("/api/units", new { nameEn = "No Chinese name" });
        missingName.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await missingName.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("name", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task A_second_unit_with_the_same_name_is_a_400_not_a_500()
    {
        var (_, admin) = await factory.ApiUserAsync(Roles.Admin);
        var name = Unique("胃癌专委会");
        (await admin.PostAsJsonAsync("/api/units", new { name })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var again = await admin.PostAsJsonAsync("/api/units", new { name });

        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("name", out _).ShouldBeTrue();
    }

    [Theory]
    [InlineData(Roles.Coordinator)]
    [InlineData(Roles.Staff)]
    public async Task Coordinators_and_staff_get_403_and_a_ForbiddenException_on_every_unit_write(string role)
    {
        var unit = await factory.AddUnitAsync(Unique("肝癌专委会"));
        var (userId, client) = await factory.ApiUserAsync(role, role == Roles.Coordinator ? new[] { unit } : []);

        (await client.PostAsJsonAsync("/api/units", new { name = Unique("x") })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var actor = await factory.ActorAsync(userId);
        await using var scope = factory.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<UnitService>();
        await Should.ThrowAsync<ForbiddenException>(() => service.CreateAsync(actor, new UnitInput { Name = Unique("y") }));
        await Should.ThrowAsync<ForbiddenException>(() => service.UpdateAsync(actor, unit, new UnitInput { Name = "Renamed" }, 1));
        await Should.ThrowAsync<ForbiddenException>(() => service.DeleteAsync(actor, unit, null));
        (await service.GetAsync(unit))!.Version.ShouldBe(1);
    }

    [Fact]
    public async Task An_admin_renames_a_unit_replaces_its_coordinators_and_deletes_an_unused_one()
    {
        var first = Email(Roles.Coordinator);
        var second = Email(Roles.Coordinator);
        await factory.CreateUserAsync(first, Roles.Coordinator);
        await factory.CreateUserAsync(second, Roles.Coordinator);
        var actor = await factory.ActorAsync(await factory.CreateUserAsync(Email(Roles.Admin), Roles.Admin));
        await using var scope = factory.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<UnitService>();
        var created = await service.CreateAsync(actor, new UnitInput { Name = Unique("护理专委会"), CoordinatorEmails = [first] });

        var updated = await service.UpdateAsync(actor, created.Id,
            new UnitInput { Name = created.Name + "2", CoordinatorEmails = [second] }, created.Version);

        updated.CoordinatorEmails.ShouldBe([second]);
        updated.Version.ShouldBe(created.Version + 1);
        await Should.ThrowAsync<ConcurrencyConflictException>(() =>
            service.UpdateAsync(actor, created.Id, new UnitInput { Name = "Stale" }, created.Version));

        await service.DeleteAsync(actor, created.Id, updated.Version);
        (await service.GetAsync(created.Id)).ShouldBeNull();
    }

    [Fact]
    public async Task A_unit_that_takes_part_in_a_campaign_cannot_be_deleted()
    {
        var unit = await factory.AddUnitAsync(Unique("宫颈癌专委会"));
        await factory.AddCampaignAsync("Week", new(2021, 4, 15), new(2021, 4, 21), unit);
        var actor = await factory.ActorAsync(await factory.CreateUserAsync(Email(Roles.Admin), Roles.Admin));
        await using var scope = factory.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<UnitService>();

        var refused = await Should.ThrowAsync<DomainValidationException>(() => service.DeleteAsync(actor, unit, null));

        refused.Errors.ShouldContainKey("id");
        (await service.GetAsync(unit)).ShouldNotBeNull();
    }

    private async Task<string> UserIdAsync(string email)
    {
        await using var db = await factory.DbAsync();
        return db.Users.Single(u => u.Email == email).Id;
    }
}
