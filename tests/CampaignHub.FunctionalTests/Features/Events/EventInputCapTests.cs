using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CampaignHub.Testing;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Common;
using CampaignHub.Web.Features.Events;
using Microsoft.EntityFrameworkCore;

namespace CampaignHub.FunctionalTests.Features.Events;

/// <summary>
/// Hostile sizes in an event's input (issue 13): lists past any real use are one clear 400 naming the field, before
/// any query sees them; staff get 403 whatever they send; speakers are capped and go with their event in one step;
/// and a coordinator changes only their own units on an event.
/// </summary>
public sealed class EventInputCapTests(EventRoleFixture data) : IClassFixture<EventRoleFixture>
{
    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    private async Task<HttpClient> EnglishClientAsync(string role)
    {
        var (_, client) = await data.App.ApiUserAsync(role);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        return client;
    }

    private object Clinic(IEnumerable<int> unitIds, int speakers = 1) => new
    {
        campaignId = data.Campaign,
        unitIds,
        title = "乳腺癌义诊",
        kind = "free_clinic",
        channel = "offline",
        start = "2021-04-16T09:00:00",
        end = "2021-04-16T11:00:00",
        venue = "门诊大厅",
        speakers = Enumerable.Range(1, speakers).Select(i => new { name = $"医生 {i}" }),
    };

    [Fact]
    public async Task Forty_thousand_unit_ids_are_one_400_naming_the_field_and_no_flood_of_log()
    {
        var admin = await EnglishClientAsync(Roles.Admin);
        var logBefore = data.App.ReadLog().Length;

        var response = await admin.PostAsJsonAsync("/api/events", Clinic(Enumerable.Range(1, 40_000)));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await ProblemAsync(response)).GetProperty("errors");
        errors.GetProperty("unitIds").EnumerateArray().Select(e => e.GetString()).ShouldBe([$"At most {ListLimits.Units} entries."]);
        (data.App.ReadLog().Length - logBefore).ShouldBeLessThan(20_000);
    }

    [Fact]
    public async Task Staff_sending_forty_thousand_unit_ids_are_refused_403_before_any_field_is_checked()
    {
        var (_, staff) = await data.App.ApiUserAsync(Roles.Staff);

        var response = await staff.PostAsJsonAsync("/api/events", Clinic(Enumerable.Range(1, 40_000)));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_event_may_list_a_hundred_people_and_the_hundred_and_first_is_refused_under_the_name_the_caller_used()
    {
        var admin = await EnglishClientAsync(Roles.Admin);

        var full = await admin.PostAsJsonAsync("/api/events", Clinic([data.Breast], speakers: ListLimits.People));
        var tooMany = await admin.PostAsJsonAsync("/api/events", Clinic([data.Breast], speakers: ListLimits.People + 1));
        var body = JsonSerializer.SerializeToNode(Clinic([data.Breast], speakers: 0))!.AsObject();
        body["people"] = JsonSerializer.SerializeToNode(Enumerable.Range(1, ListLimits.People + 1).Select(i => new { name = $"专家 {i}", role = "expert" }));
        var tooManyPeople = await admin.PostAsJsonAsync("/api/events", body);

        full.StatusCode.ShouldBe(HttpStatusCode.Created, await full.Content.ReadAsStringAsync());
        tooMany.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemAsync(tooMany)).GetProperty("errors").GetProperty("speakers")[0].GetString().ShouldBe("An event may list at most 100 people on its programme.");
        (await ProblemAsync(tooManyPeople)).GetProperty("errors").GetProperty("people")[0].GetString().ShouldBe("An event may list at most 100 people on its programme.");
    }

    [Fact]
    public async Task Deleting_an_event_takes_its_speakers_photos_and_duties_with_it_in_the_database()
    {
        var created = await data.CreateAsync();
        await data.WithAsync(s => s.AddPhotoAsync(data.Admin, created.Id, "p.png", new MemoryStream(EventRoleFixture.Png())));
        // Rows from before the cap: thousands of speakers, which the event's delete must not load one by one.
        await using (var db = await data.App.DbAsync())
        {
            var values = string.Join(", ", Enumerable.Range(1, 5_000).Select(i => $"({created.Id}, 'speaker {i}', {i})"));
            // Quoted names: PostgreSQL folds unquoted ones to lower case.
            var insert = "INSERT INTO \"EventSpeaker\" (\"EventId\", \"Name\", \"SortOrder\") VALUES " + values; // numbers only, made here
            await db.Database.ExecuteSqlRawAsync(insert);
        }

        await data.WithAsync(s => s.DeleteAsync(data.Admin, created.Id, version: null));

        await using var after = await data.App.DbAsync();
        (await after.Events.CountAsync(e => e.Id == created.Id)).ShouldBe(0);
        (await after.Set<EventSpeaker>().CountAsync(s => s.EventId == created.Id)).ShouldBe(0);
        (await after.EventPhotos.CountAsync(p => p.EventId == created.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task A_coordinator_cannot_attach_another_unit_to_their_event()
    {
        var created = await data.CreateAsync(data.Breast);
        var input = created.ToInput();
        input.UnitIds = [data.Breast, data.Lung];

        var refused = await Should.ThrowAsync<DomainValidationException>(
            () => data.WithAsync(s => s.UpdateAsync(data.BreastCoordinator, created.Id, input, created.Version)));

        refused.Errors["unitIds"].ShouldContain(m => m.Contains(data.Lung.ToString()));
        (await data.WithAsync(s => s.GetAsync(created.Id)))!.UnitIds.ShouldBe([data.Breast]);
    }

    [Fact]
    public async Task A_coordinator_of_a_joint_event_cannot_remove_the_other_unit_and_saves_it_with_both()
    {
        var joint = await data.CreateAsync(data.Breast, data.Lung);
        var pushOut = joint.ToInput();
        pushOut.UnitIds = [data.Lung];

        var refused = await Should.ThrowAsync<DomainValidationException>(
            () => data.WithAsync(s => s.UpdateAsync(data.LungCoordinator, joint.Id, pushOut, joint.Version)));

        refused.Errors["unitIds"].ShouldContain(m => m.Contains(data.Breast.ToString()));
        var keep = joint.ToInput();
        keep.Title = "联合义诊";
        var saved = await data.WithAsync(s => s.UpdateAsync(data.LungCoordinator, joint.Id, keep, joint.Version));
        saved.UnitIds.Order().ToArray().ShouldBe(new[] { data.Breast, data.Lung }.Order().ToArray());
    }
}
