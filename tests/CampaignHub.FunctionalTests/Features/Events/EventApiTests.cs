using System.Text.Json.Nodes;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CampaignHub.Testing;
using CampaignHub.Web.Domain;

namespace CampaignHub.FunctionalTests.Features.Events;

/// <summary>The events API and the totals it feeds, called with real bearer tokens.</summary>
public sealed class EventApiTests(CampaignHubAppFactory factory) : IClassFixture<CampaignHubAppFactory>
{
    private static object FreeClinic(int campaignId, int unitId, string start = "2021-04-16T09:00:00", object? figures = null) => new
    {
        campaignId,
        unitIds = new[] { unitId },
        title = "乳腺癌义诊",
        kind = "free_clinic",
        channel = "offline",
        start,
        end = start.Replace("T09", "T11"),
        venue = "山西省肿瘤医院门诊大厅",
        narrative = "<script>alert(1)</script> 义诊",
        highlight = true,
        status = "held",
        figures = figures ?? new Dictionary<string, decimal> { ["patients_benefited"] = 120, ["staff_medical"] = 8 },
    };

    [Fact]
    public async Task A_coordinator_logs_a_free_clinic_and_the_campaign_totals_count_it()
    {
        var breast = await factory.AddUnitAsync("乳腺癌专委会");
        var campaign = await factory.AddCampaignAsync("2021 全国肿瘤防治宣传周", new(2021, 4, 15), new(2021, 4, 21), breast);
        var (_, client) = await factory.ApiUserAsync(Roles.Coordinator, breast);

        var response = await client.PostAsJsonAsync("/api/events", FreeClinic(campaign, breast));

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetInt32();
        response.Headers.Location!.ToString().ShouldBe($"/api/events/{id}");
        created.GetProperty("narrative").GetString().ShouldBe("<script>alert(1)</script> 义诊");
        created.GetProperty("version").GetInt64().ShouldBe(1);

        var totals = await client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}/totals?from=2021-04-15&to=2021-04-21");
        totals.GetProperty("eventCount").GetInt32().ShouldBe(1);
        totals.GetProperty("events").GetProperty("free_clinic").GetProperty("offline").GetInt32().ShouldBe(1);
        totals.GetProperty("events").GetProperty("free_clinic").GetProperty("online").GetInt32().ShouldBe(0);
        totals.GetProperty("metrics").GetProperty("patients_benefited").GetDecimal().ShouldBe(120);

        // Both bounds are inclusive: a period that ends the day before leaves it out.
        var before = await client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}/totals?from=2021-04-15&to=2021-04-15");
        before.GetProperty("eventCount").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Bad_input_is_a_400_naming_every_wrong_field_and_nothing_is_saved()
    {
        var unit = await factory.AddUnitAsync("肺癌专委会");
        var campaign = await factory.AddCampaignAsync("Week", new(2021, 4, 15), new(2021, 4, 21), unit);
        var (_, client) = await factory.ApiUserAsync(Roles.Admin);
        var body = new
        {
            campaignId = campaign,
            unitIds = new[] { unit, 9999 },
            title = "",
            kind = "picnic",
            channel = "both",
            start = "2021-04-16T10:00:00",
            end = "2021-04-16T09:00:00",
            figures = new Dictionary<string, decimal> { ["screened"] = -1, ["no_such_metric"] = 3 },
        };

        var response = await client.PostAsJsonAsync("/api/events", body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "title", "kind", "channel", "end", "unitIds", "figures.screened", "figures.no_such_metric" })
        {
            errors.TryGetProperty(field, out _).ShouldBeTrue($"no error for {field}: {errors}");
        }

        var list = await client.GetFromJsonAsync<JsonElement>($"/api/events?campaignId={campaign}");
        list.GetProperty("totalCount").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task A_figure_that_is_not_a_number_is_a_400_naming_the_field()
    {
        var (_, client) = await factory.ApiUserAsync(Roles.Admin);
        var json = """{"campaignId": 1, "title": "x", "figures": {"screened": "many"}}""";

        var response = await client.PostAsync("/api/events", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").TryGetProperty("figures.screened", out _).ShouldBeTrue(problem.ToString());
    }

    [Fact]
    public async Task The_second_of_two_saves_of_the_same_version_gets_409_with_the_other_change()
    {
        var unit = await factory.AddUnitAsync("妇科肿瘤专委会");
        var campaign = await factory.AddCampaignAsync("Week", new(2021, 4, 15), new(2021, 4, 21), unit);
        var (_, client) = await factory.ApiUserAsync(Roles.Admin);
        var created = await (await client.PostAsJsonAsync("/api/events", FreeClinic(campaign, unit))).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetInt32();

        var first = JsonSerializer.Deserialize<Dictionary<string, object?>>(created.GetRawText())!;
        first["title"] = "First editor's title";
        var second = new Dictionary<string, object?>(first) { ["title"] = "Second editor's title" };

        (await client.PutAsJsonAsync($"/api/events/{id}", first)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var conflict = await client.PutAsJsonAsync($"/api/events/{id}", second);

        conflict.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await conflict.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("current").GetProperty("title").GetString().ShouldBe("First editor's title");
        problem.GetProperty("current").GetProperty("version").GetInt64().ShouldBe(2);
        var stored = await client.GetFromJsonAsync<JsonElement>($"/api/events/{id}");
        stored.GetProperty("title").GetString().ShouldBe("First editor's title");
    }

    [Theory]
    [InlineData("en", "Please enter a title.")]
    [InlineData("zh-CN", "请填写活动名称。")]
    public async Task Api_errors_are_in_the_language_the_caller_asks_for(string language, string message)
    {
        var (_, client) = await factory.ApiUserAsync(Roles.Admin);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);

        var response = await client.PostAsJsonAsync("/api/events", new { title = "" });

        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").GetProperty("title")[0].GetString().ShouldBe(message);
    }

    [Fact]
    public async Task Without_a_token_the_api_answers_401_not_a_login_redirect()
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new("Bearer", "chub_not-a-real-token");

        (await client.GetAsync("/api/events")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        client.DefaultRequestHeaders.Authorization = null;
        (await client.PostAsJsonAsync("/api/events", new { })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_events_api()
    {
        var client = factory.CreateClient();
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        document.GetProperty("paths").TryGetProperty("/api/events", out _).ShouldBeTrue();
        document.GetProperty("paths").TryGetProperty("/api/campaigns/{id}/totals", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task The_english_title_narrative_and_report_section_are_saved_read_back_and_capped()
    {
        var unit = await factory.AddUnitAsync($"乳腺癌专委会 {Guid.NewGuid():N}");
        var campaign = await factory.AddCampaignAsync("Week", new(2021, 4, 15), new(2021, 4, 21), unit);
        var (_, client) = await factory.ApiUserAsync(Roles.Admin);
        var body = JsonSerializer.SerializeToNode(FreeClinic(campaign, unit))!.AsObject();
        body["titleEn"] = "Breast cancer free clinic";
        body["narrativeEn"] = "Experts saw 120 patients.";
        body["sectionGroup"] = "4.15系列活动";

        var created = await (await client.PostAsJsonAsync("/api/events", body)).Content.ReadFromJsonAsync<JsonElement>();

        var stored = await client.GetFromJsonAsync<JsonElement>($"/api/events/{created.GetProperty("id").GetInt32()}");
        stored.GetProperty("titleEn").GetString().ShouldBe("Breast cancer free clinic");
        stored.GetProperty("narrativeEn").GetString().ShouldBe("Experts saw 120 patients.");
        stored.GetProperty("sectionGroup").GetString().ShouldBe("4.15系列活动");

        body["titleEn"] = new string('x', 201);
        body["narrativeEn"] = new string('x', 20_001);
        body["sectionGroup"] = new string('x', 101);
        var refused = await client.PostAsJsonAsync("/api/events", body);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).Order().ShouldBe(["narrativeEn", "sectionGroup", "titleEn"]);

        var openApi = await client.GetStringAsync("/openapi/v1.json");
        openApi.ShouldContain("\"titleEn\"");
        openApi.ShouldContain("\"narrativeEn\"");
        openApi.ShouldContain("/api/report-drafts/{id}");
        openApi.ShouldContain("/api/campaigns/{id}/report.docx");
    }
}
