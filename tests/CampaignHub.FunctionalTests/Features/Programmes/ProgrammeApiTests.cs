using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CampaignHub.Testing;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignHub.FunctionalTests.Features.Programmes;

/// <summary>
/// Programmes over time through the API (issue 11, point 5): admins write, everyone signed in reads; a programme that
/// would contain itself, an unknown parent or programme is a 400 naming the field and writes nothing; a campaign
/// belongs to a programme; a programme's totals roll up its campaigns and its sub-programmes', by campaign and year.
/// </summary>
public sealed class ProgrammeApiTests(CampaignHubAppFactory factory) : IClassFixture<CampaignHubAppFactory>
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private static async Task<JsonElement> CreatedAsync(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await JsonAsync(response);
    }

    private static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        return (await JsonAsync(response)).GetProperty("errors");
    }

    [Fact]
    public async Task Admins_write_programmes_and_everyone_signed_in_reads_them()
    {
        var (_, admin) = await factory.ApiUserAsync(Roles.Admin);
        var (_, staff) = await factory.ApiUserAsync(Roles.Staff);
        var (_, coordinator) = await factory.ApiUserAsync(Roles.Coordinator);

        var programme = await CreatedAsync(admin, "/api/programmes", new
        {
            name = "乳房再造公益行", nameEn = "Breast Reconstruction Outreach", description = "三年来，团队走进多地协作医院。",
        });
        var id = programme.GetProperty("id").GetInt32();
        var sub = await CreatedAsync(admin, "/api/programmes", new { name = "早诊早治筛查", parentId = id });

        var read = await staff.GetFromJsonAsync<JsonElement>($"/api/programmes/{id}");
        read.GetProperty("nameEn").GetString().ShouldBe("Breast Reconstruction Outreach");
        read.GetProperty("subProgrammeIds").EnumerateArray().Select(e => e.GetInt32()).ShouldBe([sub.GetProperty("id").GetInt32()]);
        sub.GetProperty("parentName").GetString().ShouldBe("乳房再造公益行");
        (await staff.GetFromJsonAsync<JsonElement>("/api/programmes")).EnumerateArray().Select(p => p.GetProperty("id").GetInt32()).ShouldContain(id);

        (await staff.PostAsJsonAsync("/api/programmes", new { name = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await coordinator.PostAsJsonAsync("/api/programmes", new { name = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // Permission before validation: an empty body is still a 403 for staff.
        (await staff.PutAsJsonAsync($"/api/programmes/{id}", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await coordinator.DeleteAsync($"/api/programmes/{id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await staff.GetAsync("/api/programmes/999999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var renamed = await admin.PutAsJsonAsync($"/api/programmes/{id}", new
        {
            name = "乳房再造公益行（2019–2021）", nameEn = "Breast Reconstruction Outreach", version = read.GetProperty("version").GetInt64(),
        });
        renamed.StatusCode.ShouldBe(HttpStatusCode.OK, await renamed.Content.ReadAsStringAsync());
        var stale = await admin.PutAsJsonAsync($"/api/programmes/{id}", new { name = "旧名", version = read.GetProperty("version").GetInt64() });
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_programme_that_would_contain_itself_or_names_an_unknown_parent_is_a_400_and_nothing_is_written()
    {
        var (_, admin) = await factory.ApiUserAsync(Roles.Admin);
        var top = await CreatedAsync(admin, "/api/programmes", new { name = "千县工程" });
        var topId = top.GetProperty("id").GetInt32();
        var middle = await CreatedAsync(admin, "/api/programmes", new { name = "规范化巡讲", parentId = topId });
        var middleId = middle.GetProperty("id").GetInt32();
        var bottom = await CreatedAsync(admin, "/api/programmes", new { name = "辽宁站", parentId = middleId });
        var bottomId = bottom.GetProperty("id").GetInt32();

        // Through its grandchild, through itself: both a loop.
        var loop = await ErrorsAsync(await admin.PutAsJsonAsync($"/api/programmes/{topId}", new { name = "千县工程", parentId = bottomId, version = top.GetProperty("version").GetInt64() }));
        loop.EnumerateObject().Select(p => p.Name).ShouldBe(["parentId"]);
        loop.GetProperty("parentId")[0].GetString()!.ShouldContain("不能包含其自身");
        var self = await ErrorsAsync(await admin.PutAsJsonAsync($"/api/programmes/{middleId}", new { name = "规范化巡讲", parentId = middleId, version = middle.GetProperty("version").GetInt64() }));
        self.TryGetProperty("parentId", out _).ShouldBeTrue();

        // Every wrong field at once, in English when asked.
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/programmes") { Content = JsonContent.Create(new { name = " ", parentId = 999999, nameEn = new string('x', 201) }) };
        request.Headers.AcceptLanguage.ParseAdd("en");
        var all = await ErrorsAsync(await admin.SendAsync(request));
        all.EnumerateObject().Select(p => p.Name).Order().ShouldBe(["name", "nameEn", "parentId"]);
        all.GetProperty("parentId")[0].GetString().ShouldBe("Programme 999999 does not exist.");

        var unchanged = await admin.GetFromJsonAsync<JsonElement>($"/api/programmes/{topId}");
        unchanged.GetProperty("parentId").ValueKind.ShouldBe(JsonValueKind.Null);
        unchanged.GetProperty("version").GetInt64().ShouldBe(top.GetProperty("version").GetInt64());
        await using var db = await factory.DbAsync();
        (await db.Programmes.CountAsync(p => p.Name.Trim() == "")).ShouldBe(0);
    }

    [Fact]
    public async Task A_campaign_belongs_to_a_programme_an_unknown_one_is_refused_and_a_programme_in_use_stays()
    {
        var (_, admin) = await factory.ApiUserAsync(Roles.Admin);
        var programme = await CreatedAsync(admin, "/api/programmes", new { name = "西部戒烟关爱行动" });
        var id = programme.GetProperty("id").GetInt32();

        var unknown = await ErrorsAsync(await admin.PostAsJsonAsync("/api/campaigns", new { name = "2021", startDate = "2021-04-20", endDate = "2021-08-06", programmeId = 999999 }));
        unknown.TryGetProperty("programmeId", out _).ShouldBeTrue();

        var campaign = await CreatedAsync(admin, "/api/campaigns", new { name = "西部戒烟关爱行动 2021", startDate = "2021-04-20", endDate = "2021-08-06", programmeId = id });
        campaign.GetProperty("programmeId").GetInt32().ShouldBe(id);
        campaign.GetProperty("programmeName").GetString().ShouldBe("西部戒烟关爱行动");
        (await admin.GetFromJsonAsync<JsonElement>($"/api/programmes/{id}")).GetProperty("campaigns")[0].GetProperty("id").GetInt32()
            .ShouldBe(campaign.GetProperty("id").GetInt32());

        var inUse = await ErrorsAsync(await admin.DeleteAsync($"/api/programmes/{id}"));
        inUse.TryGetProperty("id", out _).ShouldBeTrue();

        var empty = await CreatedAsync(admin, "/api/programmes", new { name = "暂无活动的项目" });
        (await admin.DeleteAsync($"/api/programmes/{empty.GetProperty("id").GetInt32()}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task A_programmes_totals_roll_up_its_campaigns_and_its_sub_programmes_by_campaign_and_year()
    {
        var (adminId, admin) = await factory.ApiUserAsync(Roles.Admin);
        var unit = await factory.AddUnitAsync($"乳房再造科-{Guid.NewGuid():N}", UnitKind.Department);
        var programme = (await CreatedAsync(admin, "/api/programmes", new { name = "乳房再造公益行" })).GetProperty("id").GetInt32();
        var screening = (await CreatedAsync(admin, "/api/programmes", new { name = "早诊早治", parentId = programme })).GetProperty("id").GetInt32();
        int Campaign(JsonElement c) => c.GetProperty("id").GetInt32();
        var first = Campaign(await CreatedAsync(admin, "/api/campaigns", new { name = "乳房再造公益行 2019", edition = "第一届", startDate = "2019-03-01", endDate = "2019-12-31", programmeId = programme, unitIds = new[] { unit } }));
        var second = Campaign(await CreatedAsync(admin, "/api/campaigns", new { name = "乳房再造公益行 2020", edition = "第二届", startDate = "2020-03-01", endDate = "2020-12-31", programmeId = programme, unitIds = new[] { unit } }));
        var days = Campaign(await CreatedAsync(admin, "/api/campaigns", new { name = "早诊早治筛查日 2020", startDate = "2020-05-01", endDate = "2020-05-31", programmeId = screening, unitIds = new[] { unit } }));
        var outside = Campaign(await CreatedAsync(admin, "/api/campaigns", new { name = "不属于项目的活动", startDate = "2020-03-01", endDate = "2020-12-31", unitIds = new[] { unit } }));

        var actor = await factory.ActorAsync(adminId);
        await using (var scope = factory.ScopeFor(actor))
        {
            var events = scope.ServiceProvider.GetRequiredService<EventService>();
            async Task LogAsync(int campaign, string kind, string status, DateTime start, decimal patients) =>
                await events.CreateAsync(actor, new EventInput
                {
                    CampaignId = campaign, UnitIds = [unit], Title = $"{kind} {start:yyyy-MM-dd}", Kind = kind, Channel = "offline", Status = status,
                    Start = start, End = start.AddHours(3), Figures = new() { ["patients_benefited"] = patients },
                });
            await LogAsync(first, "training", "held", new(2019, 5, 10, 9, 0, 0), 20);
            await LogAsync(first, "free_clinic", "held", new(2019, 9, 10, 9, 0, 0), 160);
            await LogAsync(second, "free_clinic", "held", new(2020, 5, 10, 9, 0, 0), 300);
            await LogAsync(second, "free_clinic", "cancelled", new(2020, 6, 10, 9, 0, 0), 999);
            await LogAsync(days, "screening", "confirmed", new(2020, 5, 20, 9, 0, 0), 150);
            await LogAsync(outside, "lecture", "held", new(2020, 5, 10, 9, 0, 0), 5000);
        }

        var totals = await admin.GetFromJsonAsync<JsonElement>($"/api/programmes/{programme}/totals");

        totals.GetProperty("from").GetString().ShouldBe("2019-03-01");
        totals.GetProperty("to").GetString().ShouldBe("2020-12-31");
        totals.GetProperty("totals").GetProperty("eventCount").GetInt32().ShouldBe(4);
        totals.GetProperty("totals").GetProperty("unconfirmed").GetInt32().ShouldBe(1);
        totals.GetProperty("totals").GetProperty("metrics").GetProperty("patients_benefited").GetDecimal().ShouldBe(630);
        var campaigns = totals.GetProperty("campaigns").EnumerateArray().ToList();
        campaigns.Select(c => c.GetProperty("campaignId").GetInt32()).ShouldBe([first, second, days]);
        campaigns.Select(c => c.GetProperty("events").GetInt32()).ShouldBe([2, 1, 1]);
        campaigns.Select(c => c.GetProperty("peopleServed").GetDecimal()).ShouldBe([180m, 300m, 150m]);
        campaigns[2].GetProperty("programmeId").GetInt32().ShouldBe(screening);
        var years = totals.GetProperty("years").EnumerateArray()
            .Select(y => (y.GetProperty("year").GetInt32(), y.GetProperty("events").GetInt32(), y.GetProperty("peopleServed").GetDecimal(),
                y.GetProperty("cumulativeEvents").GetInt32(), y.GetProperty("cumulativePeopleServed").GetDecimal()))
            .ToList();
        years.ShouldBe([(2019, 2, 180m, 2, 180m), (2020, 2, 450m, 4, 630m)]);

        // A year of the programme beside the year before: the previous period of the same length is that year too.
        var compared = await admin.GetFromJsonAsync<JsonElement>($"/api/programmes/{programme}/totals?from=2020-01-01&to=2020-12-31&compare=true");
        compared.GetProperty("totals").GetProperty("eventCount").GetInt32().ShouldBe(2);
        var yearEarlier = compared.GetProperty("totals").GetProperty("yearEarlier");
        yearEarlier.GetProperty("from").GetString().ShouldBe("2019-01-01");
        yearEarlier.GetProperty("to").GetString().ShouldBe("2019-12-31");
        yearEarlier.GetProperty("eventCount").GetInt32().ShouldBe(2);
        yearEarlier.GetProperty("metrics").GetProperty("patients_benefited").GetDecimal().ShouldBe(180);
        compared.GetProperty("totals").GetProperty("previous").GetProperty("from").GetString().ShouldBe("2019-01-01");

        // The sub-programme alone, and bad input.
        (await admin.GetFromJsonAsync<JsonElement>($"/api/programmes/{screening}/totals")).GetProperty("totals").GetProperty("eventCount").GetInt32().ShouldBe(1);
        (await admin.GetAsync($"/api/programmes/{programme}/totals?from=2020-12-31&to=2020-01-01")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await admin.GetAsync("/api/programmes/999999/totals")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_campaigns_totals_compared_with_the_previous_period_and_a_year_earlier_carry_their_own_dates()
    {
        var (adminId, admin) = await factory.ApiUserAsync(Roles.Admin);
        var unit = await factory.AddUnitAsync($"控烟团队-{Guid.NewGuid():N}", UnitKind.ExpertTeam);
        var campaign = await factory.AddCampaignAsync("两年的项目", new(2020, 1, 1), new(2021, 12, 31), unit);
        var actor = await factory.ActorAsync(adminId);
        await using (var scope = factory.ScopeFor(actor))
        {
            var events = scope.ServiceProvider.GetRequiredService<EventService>();
            foreach (var (start, patients) in new[] { (new DateTime(2021, 4, 16, 9, 0, 0), 10m), (new DateTime(2021, 4, 10, 9, 0, 0), 20m), (new DateTime(2020, 4, 17, 9, 0, 0), 40m) })
            {
                await events.CreateAsync(actor, new EventInput
                {
                    CampaignId = campaign, UnitIds = [unit], Title = $"戒烟门诊 {start:yyyy-MM-dd}", Kind = "free_clinic", Channel = "offline", Status = "held",
                    Start = start, End = start.AddHours(2), Figures = new() { ["patients_benefited"] = patients },
                });
            }
        }

        var totals = await admin.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}/totals?from=2021-04-15&to=2021-04-21&compare=true");

        totals.GetProperty("metrics").GetProperty("patients_benefited").GetDecimal().ShouldBe(10);
        var previous = totals.GetProperty("previous");
        (previous.GetProperty("from").GetString(), previous.GetProperty("to").GetString()).ShouldBe(("2021-04-08", "2021-04-14"));
        previous.GetProperty("metrics").GetProperty("patients_benefited").GetDecimal().ShouldBe(20);
        var yearEarlier = totals.GetProperty("yearEarlier");
        (yearEarlier.GetProperty("from").GetString(), yearEarlier.GetProperty("to").GetString()).ShouldBe(("2020-04-15", "2020-04-21"));
        yearEarlier.GetProperty("eventCount").GetInt32().ShouldBe(1);
        yearEarlier.GetProperty("metrics").GetProperty("patients_benefited").GetDecimal().ShouldBe(40);
        yearEarlier.TryGetProperty("previous", out _).ShouldBeFalse();
    }
}
