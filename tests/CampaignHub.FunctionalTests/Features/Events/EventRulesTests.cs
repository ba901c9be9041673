using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CampaignHub.Testing;
using CampaignHub.Web.Domain;

namespace CampaignHub.FunctionalTests.Features.Events;

/// <summary>
/// One set of rules for an event's input: the API and the spreadsheet import refuse the same defect with the same
/// message (the import adds row and column), counts take whole numbers only, and who may write is checked before
/// anything else.
/// </summary>
public sealed class EventRulesTests(CampaignHubAppFactory factory) : IClassFixture<CampaignHubAppFactory>
{
    private const string Header = "title,kind,channel,platform,start,end,units,venue,series,stop,status,highlight,narrative,patients_benefited";

    /// <summary>A coordinator of two units, one taking part in the campaign and one not, and a third unit that is not theirs.</summary>
    private sealed record World(int Campaign, int Own, string OwnName, int OwnOutside, string OwnOutsideName, int Others, string OthersName, HttpClient Client);

    private async Task<World> WorldAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var own = await factory.AddUnitAsync($"乳腺癌专委会-{suffix}");
        var outside = await factory.AddUnitAsync($"肝癌专委会-{suffix}");
        var others = await factory.AddUnitAsync($"肺癌专委会-{suffix}");
        var campaign = await factory.AddCampaignAsync($"宣传周-{suffix}", new(2021, 4, 15), new(2021, 4, 21), own, others);
        var (_, client) = await factory.ApiUserAsync(Roles.Coordinator, own, outside);
        return new World(campaign, own, $"乳腺癌专委会-{suffix}", outside, $"肝癌专委会-{suffix}", others, $"肺癌专委会-{suffix}", client);
    }

    /// <summary>A defect, written once as the API's JSON and once as a spreadsheet row, with where each names it.</summary>
    private sealed record Defect(string Field, string Column, Action<Dictionary<string, object?>, Dictionary<string, string>, World> Apply);

    private static readonly string TooLong = new('讲', EventLimits.TitleMaxLength + 1);

    private static readonly Dictionary<string, Defect> Defects = new()
    {
        ["no title"] = new("title", "title", (api, row, _) => (api["title"], row["title"]) = ("", "")),
        ["a title one character too long"] = new("title", "title", (api, row, _) => (api["title"], row["title"]) = (TooLong, TooLong)),
        ["no kind"] = new("kind", "kind", (api, row, _) => (api["kind"], row["kind"]) = (null, "")),
        ["an unknown kind"] = new("kind", "kind", (api, row, _) => (api["kind"], row["kind"]) = ("picnic", "picnic")),
        ["an unknown channel"] = new("channel", "channel", (api, row, _) => (api["channel"], row["channel"]) = ("both", "both")),
        ["an unknown platform"] = new("platform", "platform", (api, row, _) => (api["platform"], row["platform"]) = ("fax", "fax")),
        ["an unknown status"] = new("status", "status", (api, row, _) => (api["status"], row["status"]) = ("done", "done")),
        ["an end before the start"] = new("end", "end", (api, row, _) => (api["end"], row["end"]) = ("2021-04-16T08:00:00", "2021-04-16 08:00")),
        ["no end"] = new("end", "end", (api, row, _) => (api["end"], row["end"]) = (null, "")),
        ["stop number 0"] = new("stopNumber", "stop", (api, row, _) => (api["stopNumber"], row["stop"]) = (0, "0")),
        ["a series name too long"] = new("seriesName", "series", (api, row, _) => (api["seriesName"], row["series"]) = (new string('站', 201), new string('站', 201))),
        ["a place too long"] = new("venue", "venue", (api, row, _) => (api["venue"], row["venue"]) = (new string('厅', 301), new string('厅', 301))),
        ["a negative figure"] = new("figures.patients_benefited", "patients_benefited", (api, row, _) => (api["figures"], row["patients_benefited"]) = (Figure(-5), "-5")),
        ["a decimal count"] = new("figures.patients_benefited", "patients_benefited", (api, row, _) => (api["figures"], row["patients_benefited"]) = (Figure(12.5m), "12.5")),
        ["a figure above the cap"] = new("figures.patients_benefited", "patients_benefited", (api, row, _) => (api["figures"], row["patients_benefited"]) = (Figure(2_000_000_000_000m), "2000000000000")),
        ["no unit"] = new("unitIds", "units", (api, row, _) => (api["unitIds"], row["units"]) = (Array.Empty<int>(), "")),
        ["only someone else's unit"] = new("unitIds", "units", (api, row, w) => (api["unitIds"], row["units"]) = (new[] { w.Others }, w.OthersName)),
        ["a unit not in the campaign"] = new("unitIds", "units", (api, row, w) => (api["unitIds"], row["units"]) = (new[] { w.OwnOutside }, w.OwnOutsideName)),
    };

    public static TheoryData<string> DefectNames => new(Defects.Keys);

    private static Dictionary<string, decimal> Figure(decimal patients) => new() { ["patients_benefited"] = patients };

    private static Dictionary<string, object?> ApiEvent(World world) => new()
    {
        ["campaignId"] = world.Campaign,
        ["unitIds"] = new[] { world.Own },
        ["title"] = "乳腺癌义诊",
        ["kind"] = "free_clinic",
        ["channel"] = "offline",
        ["start"] = "2021-04-16T09:00:00",
        ["end"] = "2021-04-16T11:00:00",
        ["status"] = "held",
        ["figures"] = Figure(10),
    };

    private static Dictionary<string, string> Row(World world) => new()
    {
        ["title"] = "乳腺癌义诊", ["kind"] = "free_clinic", ["channel"] = "offline", ["platform"] = "", ["start"] = "2021-04-16 09:00",
        ["end"] = "2021-04-16 11:00", ["units"] = world.OwnName, ["venue"] = "", ["series"] = "", ["stop"] = "", ["status"] = "held",
        ["highlight"] = "no", ["narrative"] = "", ["patients_benefited"] = "10",
    };

    private static MultipartFormDataContent Csv(Dictionary<string, string> row)
    {
        static string Cell(string value) => value.IndexOfAny([',', '"', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
        var text = Header + "\n" + string.Join(",", Header.Split(',').Select(column => Cell(row[column]))) + "\n";
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent { { file, "file", "events.csv" } };
    }

    private static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
    }

    private static string[] Messages(JsonElement errors, string key)
    {
        errors.TryGetProperty(key, out var messages).ShouldBeTrue($"no error for {key}: {errors}");
        return messages.EnumerateArray().Select(m => m.GetString()!).ToArray();
    }

    [Theory]
    [MemberData(nameof(DefectNames))]
    public async Task The_api_and_the_import_refuse_the_same_defect_with_the_same_message(string defect)
    {
        var world = await WorldAsync();
        var (json, row) = (ApiEvent(world), Row(world));
        Defects[defect].Apply(json, row, world);

        var api = await ErrorsAsync(await world.Client.PostAsJsonAsync("/api/events", json));
        var import = await ErrorsAsync(await world.Client.PostAsync($"/api/campaigns/{world.Campaign}/events/import", Csv(row)));

        var message = Messages(api, Defects[defect].Field);
        message.ShouldNotBeEmpty();
        Messages(import, $"row 2: {Defects[defect].Column}").ShouldBe(message);
        // The defect is the only one: the import names nothing else either.
        import.EnumerateObject().Select(e => e.Name).ShouldBe([$"row 2: {Defects[defect].Column}"]);
    }

    [Fact]
    public async Task A_count_takes_whole_numbers_only_and_an_amount_may_have_decimals_through_the_api()
    {
        var world = await WorldAsync();
        var amount = $"donated_{Guid.NewGuid():N}"[..20];
        await using (var db = await factory.DbAsync())
        {
            db.MetricDefinitions.Add(new MetricDefinition { Code = amount, Name = "捐赠金额", NameEn = "Donations", Unit = "万元", UnitEn = "10k yuan", IsCount = false });
            await db.SaveChangesAsync();
        }

        var decimalCount = ApiEvent(world);
        decimalCount["figures"] = new Dictionary<string, decimal> { ["patients_benefited"] = 86.5m, [amount] = 1.25m };
        var refused = await ErrorsAsync(await world.Client.PostAsJsonAsync("/api/events", decimalCount));

        Messages(refused, "figures.patients_benefited").ShouldBe(["此项是计数，请填写整数。"]);
        refused.TryGetProperty($"figures.{amount}", out _).ShouldBeFalse(refused.ToString());
        var figures = await world.Client.PostAsJsonAsync($"/api/campaigns/{world.Campaign}/figures",
            new { unitId = world.Own, date = "2021-04-16", figures = new Dictionary<string, decimal> { ["reach_wechat"] = 10.5m } });
        Messages(await ErrorsAsync(figures), "figures.reach_wechat").ShouldBe(["此项是计数，请填写整数。"]);

        var whole = ApiEvent(world);
        whole["figures"] = new Dictionary<string, decimal> { ["patients_benefited"] = 86, [amount] = 1.25m };
        var created = await world.Client.PostAsJsonAsync("/api/events", whole);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var stored = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("figures");
        stored.GetProperty("patients_benefited").GetDecimal().ShouldBe(86);
        stored.GetProperty(amount).GetDecimal().ShouldBe(1.25m);
    }

    [Fact]
    public async Task Someone_who_may_not_write_gets_403_however_wrong_the_input()
    {
        var world = await WorldAsync();
        var (_, staff) = await factory.ApiUserAsync(Roles.Staff);
        var (_, otherCoordinator) = await factory.ApiUserAsync(Roles.Coordinator, world.Others);
        var created = await (await world.Client.PostAsJsonAsync("/api/events", ApiEvent(world))).Content.ReadFromJsonAsync<JsonElement>();
        var broken = new { campaignId = world.Campaign, title = "", kind = "picnic", figures = Figure(-1), version = created.GetProperty("version").GetInt64() };

        (await staff.PostAsJsonAsync("/api/events", broken)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await staff.PutAsJsonAsync($"/api/events/{created.GetProperty("id").GetInt32()}", broken)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await otherCoordinator.PutAsJsonAsync($"/api/events/{created.GetProperty("id").GetInt32()}", broken)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await staff.PostAsJsonAsync($"/api/campaigns/{world.Campaign}/figures",
            new { unitId = 999999, date = "1999-01-01", figures = Figure(-1) })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await otherCoordinator.PostAsJsonAsync($"/api/campaigns/{world.Campaign}/figures",
            new { unitId = world.Own, date = "1999-01-01", figures = Figure(-1) })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_event_dated_outside_its_campaign_is_accepted_by_the_api_and_the_import()
    {
        var world = await WorldAsync();
        var late = ApiEvent(world);
        (late["start"], late["end"]) = ("2021-05-08T09:00:00", "2021-05-08T11:00:00");
        var row = Row(world);
        (row["start"], row["end"]) = ("2021-04-01 09:00", "2021-04-01 11:00");

        (await world.Client.PostAsJsonAsync("/api/events", late)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var imported = await world.Client.PostAsync($"/api/campaigns/{world.Campaign}/events/import", Csv(row));
        imported.StatusCode.ShouldBe(HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
    }
}
