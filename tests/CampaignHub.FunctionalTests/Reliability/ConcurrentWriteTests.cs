using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CampaignHub.Testing;
using CampaignHub.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace CampaignHub.FunctionalTests.Reliability;

/// <summary>
/// Saves racing each other against the served app: the check-then-write races (overlapping duties, unique names,
/// the same file twice) give one success and clear refusals, never a 500 and never a second copy.
/// </summary>
[Collection(ServedAppCollection.Name)]
public sealed class ConcurrentWriteTests(ServedApp app, ITestOutputHelper output)
{
    private async Task<int> EventAsync(HttpClient client, int campaign, string title)
    {
        var created = await client.PostAsJsonAsync("/api/events", new
        {
            campaignId = campaign, unitIds = new[] { app.UnitId }, title, kind = "free_clinic", channel = "offline",
            start = "2021-04-16T09:00:00", end = "2021-04-16T12:00:00", venue = "门诊大厅",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    private static async Task<(HttpStatusCode Status, string Body)[]> AllAtOnceAsync(int count, Func<int, Task<HttpResponseMessage>> send)
    {
        using var start = new SemaphoreSlim(0);
        var requests = Enumerable.Range(0, count).Select(async i =>
        {
            await start.WaitAsync();
            using var response = await send(i);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }).ToArray();
        start.Release(count);
        return await Task.WhenAll(requests);
    }

    private void Report(string scenario, IEnumerable<(HttpStatusCode Status, string Body)> answers) =>
        output.WriteLine($"FIGURE {scenario}: " + string.Join(", ", answers.GroupBy(a => (int)a.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()} × {g.Key}")));

    [Fact]
    public async Task Twenty_parallel_assignments_of_one_person_to_overlapping_shifts_give_one_duty_and_nineteen_refusals()
    {
        var campaign = await app.Setup.AddCampaignAsync("排班竞争", new(2021, 4, 15), new(2021, 4, 21), app.UnitId);
        using var client = app.Client(app.CoordinatorToken);
        var clinic = await EventAsync(client, campaign, "乳腺癌义诊");
        var nurse = $"nurse-{Guid.NewGuid():N}@test.local";
        await app.Setup.CreateUserAsync(nurse, Roles.Staff);

        // Twenty shifts a quarter of an hour apart, each two hours long: every one overlaps every other.
        var answers = await AllAtOnceAsync(20, i => client.PostAsJsonAsync($"/api/events/{clinic}/duties", new
        {
            userEmail = nurse, role = "nurse",
            start = new DateTime(2021, 4, 16, 9, 0, 0).AddMinutes(i * 3).ToString("s"),
            end = new DateTime(2021, 4, 16, 11, 0, 0).AddMinutes(i * 3).ToString("s"),
        }));

        Report("20 parallel overlapping duties", answers);
        answers.ShouldAllBe(a => a.Status == HttpStatusCode.Created || a.Status == HttpStatusCode.BadRequest);
        answers.Count(a => a.Status == HttpStatusCode.Created).ShouldBe(1);
        await using var db = await app.Setup.DbAsync();
        (await db.DutyAssignments.CountAsync(d => d.EventId == clinic)).ShouldBe(1);
    }

    [Fact]
    public async Task Ten_parallel_units_of_one_name_give_one_unit_and_refusals_naming_the_duplicate()
    {
        using var client = app.Client(app.AdminToken);
        var name = $"Gastric {Guid.NewGuid():N}"[..24];

        var answers = await AllAtOnceAsync(10, _ => client.PostAsJsonAsync("/api/units", new { name }));

        Report("10 parallel units of one name", answers);
        answers.ShouldAllBe(a => a.Status == HttpStatusCode.Created || a.Status == HttpStatusCode.BadRequest || a.Status == HttpStatusCode.Conflict);
        answers.Count(a => a.Status == HttpStatusCode.Created).ShouldBe(1);
        answers.Where(a => a.Status == HttpStatusCode.BadRequest).ShouldAllBe(a => a.Body.Contains(name));
        await using var db = await app.Setup.DbAsync();
        (await db.Units.CountAsync(c => c.Name == name)).ShouldBe(1);
    }

    [Fact]
    public async Task Ten_parallel_saves_of_one_campaign_adding_the_same_target_give_one_200_and_conflicts_never_a_500()
    {
        using var client = app.Client(app.AdminToken);
        var created = await client.PostAsJsonAsync("/api/campaigns", new
        {
            name = $"目标竞争 {Guid.NewGuid():N}"[..20], startDate = "2021-04-15", endDate = "2021-04-21", unitIds = new[] { app.UnitId },
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var campaign = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = campaign.GetProperty("id").GetInt32();
        var version = campaign.GetProperty("version").GetInt64();

        var answers = await AllAtOnceAsync(10, i => client.PutAsJsonAsync($"/api/campaigns/{id}", new
        {
            name = campaign.GetProperty("name").GetString(), startDate = "2021-04-15", endDate = "2021-04-21", unitIds = new[] { app.UnitId },
            targets = new Dictionary<string, decimal> { ["patients_benefited"] = 1000 + i },
            version,
        }));

        Report("10 parallel saves adding one target", answers);
        answers.ShouldAllBe(a => a.Status == HttpStatusCode.OK || a.Status == HttpStatusCode.Conflict);
        answers.Count(a => a.Status == HttpStatusCode.OK).ShouldBe(1);
        var saved = await client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}");
        saved.GetProperty("targets").EnumerateObject().Count().ShouldBe(1);
    }

    [Fact]
    public async Task The_same_file_imported_twice_at_once_is_applied_once_and_the_second_answer_names_the_first()
    {
        var campaign = await app.Setup.AddCampaignAsync("重复导入", new(2021, 4, 15), new(2021, 4, 21), app.UnitId);
        var csv = ImportFiles.Events(500, app.UnitId);
        using var client = app.Client(app.CoordinatorToken);

        var answers = await AllAtOnceAsync(2, _ => client.PostAsync($"/api/campaigns/{campaign}/events/import", ImportFiles.Upload(csv)));

        Report("the same 500-row file imported twice at once", answers);
        answers.Select(a => (int)a.Status).Order().ToArray().ShouldBe(new[] { 200, 409 }, string.Join('\n', answers.Select(a => a.Body)));
        answers.Single(a => a.Status == HttpStatusCode.Conflict).Body.ShouldContain("already imported");
        await using var db = await app.Setup.DbAsync();
        (await db.Events.CountAsync(e => e.CampaignId == campaign)).ShouldBe(500);
    }
}

/// <summary>Import files of any length, made by the tests.</summary>
internal static class ImportFiles
{
    public static byte[] Events(int rows, int unitId, string title = "乳腺癌义诊")
    {
        var text = new StringBuilder("title,kind,channel,platform,start,end,units,venue,series,stop,status,highlight,narrative,patients_benefited\n");
        for (var i = 1; i <= rows; i++)
        {
            text.Append($"{title} {i},free_clinic,offline,,2021-04-16 09:00,2021-04-16 11:30,{unitId},门诊大厅 {i % 7},,,held,no,,{i % 100}\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public static MultipartFormDataContent Upload(byte[] csv, string fileName = "events.csv")
    {
        var file = new ByteArrayContent(csv);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent { { file, "file", fileName } };
    }
}
