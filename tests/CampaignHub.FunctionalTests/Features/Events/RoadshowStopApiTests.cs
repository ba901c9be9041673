using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CampaignHub.Testing;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace CampaignHub.FunctionalTests.Features.Events;

/// <summary>
/// A roadshow stop through the events API (seed 002): its host, the visiting team, the programme with roles, talk
/// titles and moderated sessions, and the handover to the next host go in and come back as sent; bad input is a
/// 400 naming the field, with nothing written.
/// </summary>
public sealed class RoadshowStopApiTests(CampaignHubAppFactory factory) : IClassFixture<CampaignHubAppFactory>
{
    private sealed record World(int Campaign, int Unit, int Host, int NextHost, HttpClient Client);

    private async Task<World> WorldAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var host = await factory.AddOrganisationAsync($"庄河市中心医院{suffix}");
        var next = await factory.AddOrganisationAsync($"辽健集团铁煤总医院{suffix}");
        var unit = await factory.AddUnitAsync($"巡讲专家团队{suffix}", UnitKind.ExpertTeam);
        var campaign = await factory.AddCampaignAsync($"规范化巡讲{suffix}", new(2024, 4, 1), new(2024, 12, 31), unit);
        var (_, client) = await factory.ApiUserAsync(Roles.Coordinator, unit);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        return new World(campaign, unit, host, next, client);
    }

    private static JsonObject Stop(World world) => JsonSerializer.SerializeToNode(new
    {
        campaignId = world.Campaign,
        unitIds = new[] { world.Unit },
        title = "县域肿瘤防治中心规范化巡讲会",
        kind = "conference",
        channel = "offline",
        start = "2024-04-27T08:00:00",
        end = "2024-04-27T12:00:00",
        status = "held",
        hostOrganisationId = world.Host,
        seriesName = "县域肿瘤防治中心规范化巡讲",
        stopNumber = 1,
        expertTeamSize = 10,
        nextHostOrganisationId = world.NextHost,
        handoverFrom = "温准院长",
        handoverTo = "副院长王国勇",
        people = new object[]
        {
            new { role = "team_leader", name = "刘宏旭", position = "党委副书记、院长", affiliation = "辽宁省肿瘤医院" },
            new { role = "expert", name = "张勇", position = "主任", department = "病理科", affiliation = "辽宁省肿瘤医院" },
            new { role = "speech", name = "温准", position = "院长", affiliation = "庄河市中心医院" },
            new { role = "talk", name = "刘宇", department = "胸外科", affiliation = "辽宁省肿瘤医院", talkTitle = "肺癌质控标准解读及规范化诊疗之路" },
            new { role = "talk", name = "任铁刚", position = "放疗科主任", affiliation = "兴城市人民医院", topic = "乳腺癌病例分享" },
            new { role = "moderator", name = "王国勇", position = "副院长", affiliation = "辽健集团铁煤总医院", topic = "肺癌专题讨论" },
            new { role = "discussant", name = "张雷", department = "医学影像科", affiliation = "辽宁省肿瘤医院", topic = "肺癌专题讨论" },
        },
    })!.AsObject();

    private async Task<int> EventCountAsync(int campaign)
    {
        await using var db = await factory.DbAsync();
        return await db.Events.CountAsync(e => e.CampaignId == campaign);
    }

    [Fact]
    public async Task A_stop_with_its_host_team_programme_and_handover_comes_back_as_sent_and_an_edit_replaces_it()
    {
        var world = await WorldAsync();
        var sent = Stop(world);

        var response = await world.Client.PostAsJsonAsync("/api/events", sent);

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var stored = await world.Client.GetFromJsonAsync<JsonElement>($"/api/events/{id}");
        stored.GetProperty("hostOrganisationId").GetInt32().ShouldBe(world.Host);
        stored.GetProperty("seriesName").GetString().ShouldBe("县域肿瘤防治中心规范化巡讲");
        stored.GetProperty("stopNumber").GetInt32().ShouldBe(1);
        stored.GetProperty("expertTeamSize").GetInt32().ShouldBe(10);
        stored.GetProperty("nextHostOrganisationId").GetInt32().ShouldBe(world.NextHost);
        stored.GetProperty("nextHostOrganisationName").GetString()!.ShouldStartWith("辽健集团铁煤总医院");
        stored.GetProperty("handoverFrom").GetString().ShouldBe("温准院长");
        stored.GetProperty("handoverTo").GetString().ShouldBe("副院长王国勇");
        // Every person as sent, in order, with the fields not sent as null.
        var people = stored.GetProperty("people");
        people.GetArrayLength().ShouldBe(7);
        for (var i = 0; i < 7; i++)
        {
            var expected = sent["people"]![i]!.AsObject();
            foreach (var field in new[] { "role", "name", "position", "department", "affiliation", "talkTitle", "topic" })
            {
                people[i].GetProperty(field).ToString().ShouldBe(expected[field]?.ToString() ?? "", $"people[{i}].{field}");
            }
        }

        // A second save replaces the programme and the handover, based on the version read.
        sent["version"] = stored.GetProperty("version").GetInt64();
        sent["people"] = JsonSerializer.SerializeToNode(new[] { new { role = "moderator", name = "李达兴", position = "院长", topic = "学术分享" } });
        sent["handoverTo"] = null;
        sent["nextHostOrganisationId"] = world.Host;
        var edited = await world.Client.PutAsJsonAsync($"/api/events/{id}", sent);
        edited.StatusCode.ShouldBe(HttpStatusCode.OK, await edited.Content.ReadAsStringAsync());
        var after = await world.Client.GetFromJsonAsync<JsonElement>($"/api/events/{id}");
        after.GetProperty("people").GetArrayLength().ShouldBe(1);
        after.GetProperty("people")[0].GetProperty("role").GetString().ShouldBe("moderator");
        after.GetProperty("people")[0].GetProperty("topic").GetString().ShouldBe("学术分享");
        after.GetProperty("handoverTo").ValueKind.ShouldBe(JsonValueKind.Null);
        after.GetProperty("nextHostOrganisationId").GetInt32().ShouldBe(world.Host);
    }

    [Fact]
    public async Task An_older_caller_still_sends_speakers_and_reads_them_back_as_talks()
    {
        var world = await WorldAsync();
        var sent = Stop(world);
        sent.Remove("people");
        sent["speakers"] = JsonSerializer.SerializeToNode(new[] { new { name = "刘宇", affiliation = "辽宁省肿瘤医院", talkTitle = "肺癌质控标准解读" } });

        var response = await world.Client.PostAsJsonAsync("/api/events", sent);

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var person = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("people")[0];
        (person.GetProperty("role").GetString(), person.GetProperty("name").GetString(), person.GetProperty("talkTitle").GetString())
            .ShouldBe(("talk", "刘宇", "肺癌质控标准解读"));
    }

    /// <summary>A defect of a stop's input and the field the 400 names.</summary>
    public static TheoryData<string, string> Defects => new()
    {
        { "a host that is not an organisation", "hostOrganisationId" },
        { "a next host that is not an organisation", "nextHostOrganisationId" },
        { "a handover without a next host", "nextHostOrganisationId" },
        { "an unknown role", "people[3].role" },
        { "too many people", "people" },
        { "a talk title one character too long", "people[3].talkTitle" },
        { "a title on a moderator", "people[5].talkTitle" },
        { "an expert team of none", "expertTeamSize" },
        { "a person without a name", "people[1].name" },
    };

    [Theory]
    [MemberData(nameof(Defects))]
    public async Task Bad_stop_input_is_a_400_naming_the_field_and_nothing_is_written(string defect, string field)
    {
        var world = await WorldAsync();
        var body = Stop(world);
        var people = body["people"]!.AsArray();
        switch (defect)
        {
            case "a host that is not an organisation": body["hostOrganisationId"] = int.MaxValue; break;
            case "a next host that is not an organisation": body["nextHostOrganisationId"] = int.MaxValue; break;
            case "a handover without a next host": body["nextHostOrganisationId"] = null; break;
            case "an unknown role": people[3]!["role"] = "keynote"; break;
            case "too many people":
                body["people"] = JsonSerializer.SerializeToNode(Enumerable.Range(1, ListLimits.People + 1).Select(i => new { role = "expert", name = $"专家{i}" }));
                break;
            case "a talk title one character too long": people[3]!["talkTitle"] = new string('讲', EventLimits.SpeakerTalkTitleMaxLength + 1); break;
            case "a title on a moderator": people[5]!["talkTitle"] = "肺癌专题"; break;
            case "an expert team of none": body["expertTeamSize"] = 0; break;
            case "a person without a name": people[1]!["name"] = " "; break;
        }

        var response = await world.Client.PostAsJsonAsync("/api/events", body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, defect);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).ShouldBe([field], defect);
        errors.GetProperty(field)[0].GetString().ShouldNotBeNullOrWhiteSpace();
        (await EventCountAsync(world.Campaign)).ShouldBe(0, "nothing is written");
    }

    [Fact]
    public async Task A_bad_edit_of_a_saved_stop_leaves_it_as_it_was_and_the_openapi_document_describes_the_stop()
    {
        var world = await WorldAsync();
        var created = await (await world.Client.PostAsJsonAsync("/api/events", Stop(world))).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetInt32();
        var body = Stop(world);
        body["version"] = created.GetProperty("version").GetInt64();
        body["hostOrganisationId"] = int.MaxValue;
        body["people"]!.AsArray()[0]!["role"] = "chairman";

        var response = await world.Client.PutAsJsonAsync($"/api/events/{id}", body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).Order().ShouldBe(["hostOrganisationId", "people[0].role"]);
        errors.GetProperty("people[0].role")[0].GetString()!.ShouldContain("team_leader");
        var stored = await world.Client.GetFromJsonAsync<JsonElement>($"/api/events/{id}");
        stored.GetProperty("version").GetInt64().ShouldBe(created.GetProperty("version").GetInt64());
        stored.GetProperty("hostOrganisationId").GetInt32().ShouldBe(world.Host);
        stored.GetProperty("people")[0].GetProperty("role").GetString().ShouldBe("team_leader");

        var openApi = await world.Client.GetStringAsync("/openapi/v1.json");
        foreach (var name in new[] { "\"people\"", "\"nextHostOrganisationId\"", "\"handoverFrom\"", "\"handoverTo\"", "\"expertTeamSize\"", "\"talkTitle\"", "\"topic\"", "\"team_leader\"" })
        {
            openApi.ShouldContain(name);
        }
    }
}
