using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CampaignHub.Testing;
using CampaignHub.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CampaignHub.FunctionalTests.Features.Duties;

/// <summary>The duty roster API with real bearer tokens per role: 201 with warnings, 400, 403, 404 and 409.</summary>
public sealed class DutyApiTests(CampaignHubAppFactory factory) : IClassFixture<CampaignHubAppFactory>
{
    private sealed record Setup(int Breast, int Lung, HttpClient Admin, HttpClient BreastCoordinator, HttpClient LungCoordinator, HttpClient Staff);

    private async Task<Setup> SetupAsync()
    {
        var breast = await factory.AddUnitAsync($"乳腺癌专委会 {Guid.NewGuid():N}");
        var lung = await factory.AddUnitAsync($"肺癌专委会 {Guid.NewGuid():N}");
        var (_, admin) = await factory.ApiUserAsync(Roles.Admin);
        var (_, breastCoordinator) = await factory.ApiUserAsync(Roles.Coordinator, breast);
        var (_, lungCoordinator) = await factory.ApiUserAsync(Roles.Coordinator, lung);
        var (_, staff) = await factory.ApiUserAsync(Roles.Staff);
        return new Setup(breast, lung, admin, breastCoordinator, lungCoordinator, staff);
    }

    private async Task<int> EventAsync(HttpClient admin, int unit, string title, string start, string end)
    {
        var campaign = await factory.AddCampaignAsync("2021 全国肿瘤防治宣传周", new(2021, 4, 15), new(2021, 4, 21), unit);
        var response = await admin.PostAsJsonAsync("/api/events", new
        {
            campaignId = campaign,
            unitIds = new[] { unit },
            title,
            kind = "free_clinic",
            channel = "offline",
            start,
            end,
            venue = "山西省肿瘤医院门诊大厅",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    private async Task<(string Id, string Email)> PersonAsync()
    {
        var email = $"nurse-{Guid.NewGuid():N}@test.local";
        return (await factory.CreateUserAsync(email, Roles.Staff), email);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    [Fact]
    public async Task A_coordinator_assigns_changes_and_removes_and_everyone_reads_the_roster()
    {
        var s = await SetupAsync();
        var clinic = await EventAsync(s.Admin, s.Breast, "乳腺癌义诊", "2021-04-16T09:00:00", "2021-04-16T11:00:00");
        var nurse = await PersonAsync();

        var created = await s.BreastCoordinator.PostAsJsonAsync($"/api/events/{clinic}/duties", new
        {
            userEmail = nurse.Email.ToUpperInvariant(), role = "nurse", start = "2021-04-16T09:00:00", end = "2021-04-16T10:30:00", note = "分诊台",
        });

        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var duty = await JsonAsync(created);
        var id = duty.GetProperty("id").GetInt32();
        created.Headers.Location!.ToString().ShouldBe($"/api/duties/{id}");
        duty.GetProperty("userId").GetString().ShouldBe(nurse.Id);
        duty.GetProperty("role").GetString().ShouldBe("nurse");
        duty.GetProperty("start").GetString().ShouldBe("2021-04-16T09:00:00");
        duty.GetProperty("end").GetString().ShouldBe("2021-04-16T10:30:00");
        duty.GetProperty("note").GetString().ShouldBe("分诊台");
        duty.GetProperty("warnings").GetArrayLength().ShouldBe(0);

        var roster = await s.Staff.GetFromJsonAsync<JsonElement>($"/api/events/{clinic}/duties");
        roster.GetArrayLength().ShouldBe(1);
        roster[0].GetProperty("userEmail").GetString().ShouldBe(nurse.Email);

        var changed = await s.BreastCoordinator.PutAsJsonAsync($"/api/duties/{id}", new
        {
            role = "volunteer", start = "2021-04-16T10:00:00", end = "2021-04-16T11:00:00", version = duty.GetProperty("version").GetInt64(),
        });
        changed.StatusCode.ShouldBe(HttpStatusCode.OK, await changed.Content.ReadAsStringAsync());
        var after = await JsonAsync(changed);
        after.GetProperty("role").GetString().ShouldBe("volunteer");
        after.GetProperty("userId").GetString().ShouldBe(nurse.Id);
        after.GetProperty("note").ValueKind.ShouldBe(JsonValueKind.Null);

        var removed = await s.BreastCoordinator.DeleteAsync($"/api/duties/{id}?version={after.GetProperty("version").GetInt64()}");
        removed.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await s.Admin.GetFromJsonAsync<JsonElement>($"/api/events/{clinic}/duties")).GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Assigning_someone_busy_at_another_event_answers_201_with_a_warning_naming_it()
    {
        var s = await SetupAsync();
        var lecture = await EventAsync(s.Admin, s.Lung, "肺癌科普讲座", "2021-04-17T10:00:00", "2021-04-17T12:00:00");
        var clinic = await EventAsync(s.Admin, s.Breast, "乳腺癌义诊", "2021-04-17T09:00:00", "2021-04-17T11:00:00");
        var expert = await PersonAsync();
        (await s.LungCoordinator.PostAsJsonAsync($"/api/events/{lecture}/duties", new
        {
            userId = expert.Id, role = "expert", start = "2021-04-17T10:00:00", end = "2021-04-17T12:00:00",
        })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var response = await s.BreastCoordinator.PostAsJsonAsync($"/api/events/{clinic}/duties", new
        {
            userId = expert.Id, role = "expert", start = "2021-04-17T09:00:00", end = "2021-04-17T11:00:00",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var warning = (await JsonAsync(response)).GetProperty("warnings").EnumerateArray().ShouldHaveSingleItem();
        warning.GetProperty("eventId").GetInt32().ShouldBe(lecture);
        warning.GetProperty("eventTitle").GetString().ShouldBe("肺癌科普讲座");
        warning.GetProperty("message").GetString()!.ShouldContain("肺癌科普讲座");
        warning.GetProperty("message").GetString()!.ShouldContain("2021-04-17 10:00–12:00");
    }

    [Fact]
    public async Task Bad_input_is_a_400_naming_every_field_and_nothing_is_saved()
    {
        var s = await SetupAsync();
        var clinic = await EventAsync(s.Admin, s.Breast, "乳腺癌义诊", "2021-04-16T09:00:00", "2021-04-16T11:00:00");
        s.Admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var response = await s.Admin.PostAsJsonAsync($"/api/events/{clinic}/duties", new
        {
            userEmail = "nobody@test.local", role = "surgeon", start = "2021-04-16T08:00:00", end = "2021-04-16T12:00:00",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await JsonAsync(response)).GetProperty("errors");
        errors.GetProperty("userEmail")[0].GetString()!.ShouldContain("nobody@test.local");
        errors.GetProperty("role")[0].GetString()!.ShouldContain("nurse");
        errors.GetProperty("start")[0].GetString().ShouldBe("The shift must lie within the event's time: 2021-04-16 09:00–11:00.");
        errors.GetProperty("end")[0].GetString()!.ShouldContain("2021-04-16 09:00–11:00");
        (await s.Admin.GetFromJsonAsync<JsonElement>($"/api/events/{clinic}/duties")).GetArrayLength().ShouldBe(0);

        var unknownId = await s.Admin.PostAsJsonAsync($"/api/events/{clinic}/duties", new { userId = "no-such-user", role = "nurse", start = "2021-04-16T09:00:00", end = "2021-04-16T11:00:00" });
        unknownId.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await JsonAsync(unknownId)).GetProperty("errors").TryGetProperty("userId", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Staff_and_coordinators_of_other_units_get_403()
    {
        var s = await SetupAsync();
        var clinic = await EventAsync(s.Admin, s.Breast, "乳腺癌义诊", "2021-04-16T09:00:00", "2021-04-16T11:00:00");
        var nurse = await PersonAsync();
        var body = new { userId = nurse.Id, role = "nurse", start = "2021-04-16T09:00:00", end = "2021-04-16T11:00:00" };
        var duty = await JsonAsync(await s.Admin.PostAsJsonAsync($"/api/events/{clinic}/duties", body));
        var id = duty.GetProperty("id").GetInt32();
        var version = duty.GetProperty("version").GetInt64();

        foreach (var client in new[] { s.Staff, s.LungCoordinator })
        {
            (await client.PostAsJsonAsync($"/api/events/{clinic}/duties", body)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await client.PutAsJsonAsync($"/api/duties/{id}", new { role = "media", start = body.start, end = body.end, version })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await client.DeleteAsync($"/api/duties/{id}?version={version}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        var roster = await s.Staff.GetFromJsonAsync<JsonElement>($"/api/events/{clinic}/duties");
        roster.GetArrayLength().ShouldBe(1);
        roster[0].GetProperty("role").GetString().ShouldBe("nurse");
    }

    [Fact]
    public async Task Unknown_events_and_assignments_are_404()
    {
        var s = await SetupAsync();
        var body = new { userId = "x", role = "nurse", start = "2021-04-16T09:00:00", end = "2021-04-16T11:00:00", version = 1 };

        (await s.Admin.GetAsync("/api/events/987654/duties")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await s.Admin.PostAsJsonAsync("/api/events/987654/duties", body)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await s.Admin.PutAsJsonAsync("/api/duties/987654", body)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await s.Admin.DeleteAsync("/api/duties/987654?version=1")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_stale_version_is_a_409_with_the_current_assignment_and_a_change_needs_a_version()
    {
        var s = await SetupAsync();
        var clinic = await EventAsync(s.Admin, s.Breast, "乳腺癌义诊", "2021-04-16T09:00:00", "2021-04-16T11:00:00");
        var nurse = await PersonAsync();
        var duty = await JsonAsync(await s.Admin.PostAsJsonAsync($"/api/events/{clinic}/duties",
            new { userId = nurse.Id, role = "nurse", start = "2021-04-16T09:00:00", end = "2021-04-16T11:00:00" }));
        var id = duty.GetProperty("id").GetInt32();
        var version = duty.GetProperty("version").GetInt64();
        (await s.BreastCoordinator.PutAsJsonAsync($"/api/duties/{id}",
            new { role = "nurse", start = "2021-04-16T09:00:00", end = "2021-04-16T11:00:00", note = "第一位的修改", version })).EnsureSuccessStatusCode();

        var stale = await s.Admin.PutAsJsonAsync($"/api/duties/{id}",
            new { role = "media", start = "2021-04-16T09:00:00", end = "2021-04-16T11:00:00", version });
        var staleDelete = await s.Admin.DeleteAsync($"/api/duties/{id}?version={version}");
        var noVersion = await s.Admin.PutAsJsonAsync($"/api/duties/{id}", new { role = "media", start = "2021-04-16T09:00:00", end = "2021-04-16T11:00:00" });

        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await JsonAsync(stale)).GetProperty("current").GetProperty("note").GetString().ShouldBe("第一位的修改");
        staleDelete.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        noVersion.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await JsonAsync(noVersion)).GetProperty("errors").TryGetProperty("version", out _).ShouldBeTrue();
        var stored = (await s.Admin.GetFromJsonAsync<JsonElement>($"/api/events/{clinic}/duties"))[0];
        stored.GetProperty("role").GetString().ShouldBe("nurse");
        stored.GetProperty("note").GetString().ShouldBe("第一位的修改");
    }

    [Fact]
    public async Task My_duties_are_the_callers_own_upcoming_ones()
    {
        var s = await SetupAsync();
        var today = DateTime.UtcNow.AddHours(8).Date;
        string At(int days, int hour) => today.AddDays(days).AddHours(hour).ToString("yyyy-MM-dd'T'HH:mm:ss");
        var tomorrow = await EventAsync(s.Admin, s.Breast, "明日义诊", At(1, 9), At(1, 12));
        var nextWeek = await EventAsync(s.Admin, s.Breast, "下周讲座", At(7, 9), At(7, 12));
        var (nurseId, nurse) = await factory.ApiUserAsync(Roles.Staff);
        var other = await PersonAsync();
        await s.Admin.PostAsJsonAsync($"/api/events/{nextWeek}/duties", new { userId = nurseId, role = "expert", start = At(7, 9), end = At(7, 12) });
        await s.Admin.PostAsJsonAsync($"/api/events/{tomorrow}/duties", new { userId = nurseId, role = "nurse", start = At(1, 10), end = At(1, 12) });
        await s.Admin.PostAsJsonAsync($"/api/events/{tomorrow}/duties", new { userId = other.Id, role = "volunteer", start = At(1, 9), end = At(1, 12) });

        var mine = await nurse.GetFromJsonAsync<JsonElement>("/api/me/duties");

        mine.EnumerateArray().Select(d => d.GetProperty("eventTitle").GetString()).ShouldBe(["明日义诊", "下周讲座"]);
        mine[0].GetProperty("role").GetString().ShouldBe("nurse");
        mine[0].GetProperty("start").GetString().ShouldBe(At(1, 10));
        mine[0].GetProperty("eventId").GetInt32().ShouldBe(tomorrow);
        (await nurse.GetFromJsonAsync<JsonElement>("/api/me/duties?past=true")).GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Nothing_is_half_saved_the_roster_and_the_calendar_sequence_move_together()
    {
        var s = await SetupAsync();
        var clinic = await EventAsync(s.Admin, s.Breast, "乳腺癌义诊", "2021-04-16T09:00:00", "2021-04-16T11:00:00");
        var nurse = await PersonAsync();
        await using var db = await factory.DbAsync();
        var before = await db.Events.AsNoTracking().Where(e => e.Id == clinic).Select(e => e.CalendarSequence).SingleAsync();

        (await s.Admin.PostAsJsonAsync($"/api/events/{clinic}/duties",
            new { userId = nurse.Id, role = "nurse", start = "2021-04-16T09:00:00", end = "2021-04-16T12:00:00" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await db.Events.AsNoTracking().Where(e => e.Id == clinic).Select(e => e.CalendarSequence).SingleAsync()).ShouldBe(before);

        (await s.Admin.PostAsJsonAsync($"/api/events/{clinic}/duties",
            new { userId = nurse.Id, role = "nurse", start = "2021-04-16T09:00:00", end = "2021-04-16T11:00:00" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await db.Events.AsNoTracking().Where(e => e.Id == clinic).Select(e => e.CalendarSequence).SingleAsync()).ShouldBe(before + 1);
    }
}
