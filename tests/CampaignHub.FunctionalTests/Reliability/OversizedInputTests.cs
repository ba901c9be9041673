using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CampaignHub.Testing;
using CampaignHub.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace CampaignHub.FunctionalTests.Reliability;

/// <summary>
/// Oversized lists and children against the served app: 40,000 ids are a quick 400 (staff: 403) that writes no
/// flood of log, and an event with thousands of speakers (rows from before the cap) is deleted in one step.
/// </summary>
[Collection(ServedAppCollection.Name)]
public sealed class OversizedInputTests(ServedApp app, ITestOutputHelper output)
{
    private long LogLength() => Directory.Exists(app.Setup.LogDirectory)
        ? Directory.GetFiles(app.Setup.LogDirectory, "served-*").Sum(f => new FileInfo(f).Length)
        : 0;

    [Fact]
    public async Task Forty_thousand_unit_ids_answer_400_to_an_admin_and_403_to_staff_with_no_flood_of_log()
    {
        var campaign = await app.Setup.AddCampaignAsync("超长列表", new(2021, 4, 15), new(2021, 4, 21), app.UnitId);
        var staffId = await app.Setup.CreateUserAsync($"staff-{Guid.NewGuid():N}@test.local", Roles.Staff);
        using var admin = app.Client(app.AdminToken);
        using var staff = app.Client(await app.TokenAsync(staffId));
        var body = new
        {
            campaignId = campaign, unitIds = Enumerable.Range(1, 40_000), title = "义诊", kind = "free_clinic", channel = "offline",
            start = "2021-04-16T09:00:00", end = "2021-04-16T11:00:00", venue = "门诊大厅",
        };
        var logBefore = LogLength();

        var clock = Stopwatch.StartNew();
        using var asAdmin = await admin.PostAsJsonAsync("/api/events", body);
        var adminMs = clock.ElapsedMilliseconds;
        using var asStaff = await staff.PostAsJsonAsync("/api/events", body);
        using var campaignAsStaff = await staff.PostAsJsonAsync("/api/campaigns", new { organiserIds = Enumerable.Range(1, 40_000) });
        await Task.Delay(1500); // the file sink flushes within a second
        var logGrowth = LogLength() - logBefore;

        output.WriteLine($"FIGURE 40,000 unit ids: admin HTTP {(int)asAdmin.StatusCode} in {adminMs} ms, staff HTTP {(int)asStaff.StatusCode}, "
                         + $"staff campaign with 40,000 organisers HTTP {(int)campaignAsStaff.StatusCode}, log grew {logGrowth / 1024} KB");
        asAdmin.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await asAdmin.Content.ReadAsStringAsync());
        (await asAdmin.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("unitIds", out _).ShouldBeTrue();
        asStaff.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        campaignAsStaff.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        logGrowth.ShouldBeLessThan(64 * 1024);
    }

    [Fact]
    public async Task An_event_with_five_thousand_speakers_from_before_the_cap_is_deleted_with_them()
    {
        const int speakers = 5_000;
        var campaign = await app.Setup.AddCampaignAsync("讲者过多", new(2021, 4, 15), new(2021, 4, 21), app.UnitId);
        using var admin = app.Client(app.AdminToken);
        var created = await admin.PostAsJsonAsync("/api/events", new
        {
            campaignId = campaign, unitIds = new[] { app.UnitId }, title = "大型论坛", kind = "lecture", channel = "offline",
            start = "2021-04-16T09:00:00", end = "2021-04-16T11:00:00", venue = "会议中心",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        await using (var db = await app.Setup.DbAsync())
        {
            var values = string.Join(", ", Enumerable.Range(1, speakers).Select(i => $"({id}, 'speaker {i}', {i})"));
            // Quoted names: PostgreSQL folds unquoted ones to lower case.
            var insert = "INSERT INTO \"EventSpeaker\" (\"EventId\", \"Name\", \"SortOrder\") VALUES " + values; // numbers only, made here
            await db.Database.ExecuteSqlRawAsync(insert);
        }

        var clock = Stopwatch.StartNew();
        using var deleted = await admin.DeleteAsync($"/api/events/{id}");

        output.WriteLine($"FIGURE deleting an event with {speakers} speakers: HTTP {(int)deleted.StatusCode} in {clock.ElapsedMilliseconds} ms");
        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent, await deleted.Content.ReadAsStringAsync());
        await using var after = await app.Setup.DbAsync();
        (await after.Set<EventSpeaker>().CountAsync(s => s.EventId == id)).ShouldBe(0);
    }
}
