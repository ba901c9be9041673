using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CampaignHub.FunctionalTests.Features.Reporting;
using CampaignHub.FunctionalTests.Reliability;
using CampaignHub.Testing;
using CampaignHub.Web.Domain;

namespace CampaignHub.FunctionalTests.Features.Figures;

/// <summary>
/// Data quality at entry over the real app: the catalogue's rules (bounds, whole numbers, one metric at most another)
/// refuse a save wherever figures come in (API, spreadsheet import, campaign-level figures) naming the field and the
/// figure; a figure far above the usual is saved with a warning and flagged on the submission's checklist; estimates
/// are kept apart in the totals and the report says "约/余" ("about"/"more than") for a total that includes them.
/// Each test has a unit and campaign of its own, so the usual values of one never meet another's.
/// </summary>
public sealed class FigureQualityTests(ReportingFixture data) : IClassFixture<ReportingFixture>
{
    private async Task<(int Unit, string UnitName, int Campaign)> WorldAsync()
    {
        var name = $"质控专委会-{Guid.NewGuid():N}"[..16];
        var unit = await data.Factory.AddUnitAsync(name);
        var campaign = await data.Factory.AddCampaignAsync($"宣传周-{Guid.NewGuid():N}", new(2021, 4, 10), new(2021, 5, 31), unit);
        return (unit, name, campaign);
    }

    private static object Event(int campaign, int unit, DateTime start, Dictionary<string, decimal> figures, string kind = "screening", string[]? estimated = null) => new
    {
        campaignId = campaign,
        unitIds = new[] { unit },
        title = "社区筛查",
        kind,
        channel = "offline",
        status = "held",
        start,
        end = start.AddHours(2),
        figures,
        estimated,
    };

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, object body, string language = "zh-CN")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.AcceptLanguage.ParseAdd(language);
        return client.SendAsync(request);
    }

    private static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
    }

    [Fact]
    public async Task More_people_positive_than_screened_is_refused_by_the_api_naming_the_field_and_both_figures_in_the_callers_language()
    {
        var world = await WorldAsync();

        var chinese = await ErrorsAsync(await PostAsync(data.AdminApi, "/api/events",
            Event(world.Campaign, world.Unit, new(2021, 4, 12, 9, 0, 0), new() { ["screened"] = 100, ["positive"] = 150 })));
        var english = await ErrorsAsync(await PostAsync(data.AdminApi, "/api/events",
            Event(world.Campaign, world.Unit, new(2021, 4, 12, 9, 0, 0), new() { ["screened"] = 100, ["positive"] = 150 }), "en"));

        var message = chinese.GetProperty("figures.positive")[0].GetString()!;
        message.ShouldContain("筛查阳性人数");
        message.ShouldContain("筛查人数");
        message.ShouldContain("150");
        english.GetProperty("figures.positive")[0].GetString()!.ShouldContain("People screened positive");
        chinese.TryGetProperty("figures.screened", out _).ShouldBeFalse();
        await using var db = await data.Factory.DbAsync();
        db.Events.Count(e => e.CampaignId == world.Campaign).ShouldBe(0);

        // Within the rule it is saved.
        (await PostAsync(data.AdminApi, "/api/events",
            Event(world.Campaign, world.Unit, new(2021, 4, 12, 9, 0, 0), new() { ["screened"] = 150, ["positive"] = 150 }))).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task An_admin_sets_a_metrics_bounds_through_the_metrics_api_and_a_figure_outside_them_is_refused()
    {
        var world = await WorldAsync();
        var code = $"quit_rate_{Guid.NewGuid():N}"[..20];
        var created = await PostAsync(data.AdminApi, "/api/metrics", new
        {
            code, name = "戒烟率", nameEn = "Quit rate", unit = "%", unitEn = "%", group = "other", sortOrder = 900, isCount = false,
            minValue = 0, maxValue = 100, appliesTo = new[] { "screening" },
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var metric = await created.Content.ReadFromJsonAsync<JsonElement>();
        metric.GetProperty("maxValue").GetDecimal().ShouldBe(100);

        var errors = await ErrorsAsync(await PostAsync(data.AdminApi, "/api/events",
            Event(world.Campaign, world.Unit, new(2021, 4, 12, 9, 0, 0), new() { [code] = 120.5m, ["screened"] = 10.5m }), "en"));

        errors.GetProperty($"figures.{code}")[0].GetString()!.ShouldContain("Quit rate");
        errors.GetProperty($"figures.{code}")[0].GetString()!.ShouldContain("100");
        errors.TryGetProperty("figures.screened", out _).ShouldBeTrue("a count is whole numbers only");

        // The catalogue's rules are the admin's: a coordinator may not change them, and a bound must name a metric.
        var coordinator = await data.Factory.ApiClientAsync(await data.Factory.CreateUserAsync($"c-{Guid.NewGuid():N}@test.local", Roles.Coordinator, world.Unit));
        var id = metric.GetProperty("id").GetInt32();
        (await coordinator.PutAsJsonAsync($"/api/metrics/{id}", new { name = "x", nameEn = "x", group = "other", atMost = "nothing_like_it" }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var bad = await data.AdminApi.PutAsJsonAsync($"/api/metrics/{id}", new
        {
            name = "戒烟率", nameEn = "Quit rate", group = "other", isCount = false, minValue = 50, maxValue = 10, atMost = "nothing_like_it",
            version = metric.GetProperty("version").GetInt64(),
        });
        var badErrors = await ErrorsAsync(bad);
        badErrors.TryGetProperty("maxValue", out _).ShouldBeTrue();
        badErrors.TryGetProperty("atMost", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task The_import_refuses_a_row_breaking_a_relation_naming_its_row_and_column_and_saves_nothing()
    {
        var world = await WorldAsync();
        var csv = Encoding.UTF8.GetBytes(
            "title,kind,channel,start,end,units,screened,positive,estimated\n"
            + $"社区筛查一,screening,offline,2021-04-12 09:00,2021-04-12 11:00,{world.UnitName},100,20,\n"
            + $"社区筛查二,screening,offline,2021-04-13 09:00,2021-04-13 11:00,{world.UnitName},100,120,\n");

        var errors = await ErrorsAsync(await data.AdminApi.PostAsync($"/api/campaigns/{world.Campaign}/events/import", ImportFiles.Upload(csv)));

        errors.TryGetProperty("row 3: positive", out var message).ShouldBeTrue(errors.ToString());
        message[0].GetString()!.ShouldContain("120");
        errors.EnumerateObject().Count().ShouldBe(1);
        await using var db = await data.Factory.DbAsync();
        db.Events.Count(e => e.CampaignId == world.Campaign).ShouldBe(0);
    }

    [Fact]
    public async Task A_unit_days_campaign_level_figures_keep_the_relation_with_the_figures_already_there()
    {
        var world = await WorldAsync();
        var url = $"/api/campaigns/{world.Campaign}/figures";
        (await PostAsync(data.AdminApi, url, new { unitId = world.Unit, date = "2021-04-12", figures = new Dictionary<string, decimal> { ["screened"] = 80 } }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

        var errors = await ErrorsAsync(await PostAsync(data.AdminApi, url,
            new { unitId = world.Unit, date = "2021-04-12", figures = new Dictionary<string, decimal> { ["positive"] = 81 } }));

        errors.GetProperty("figures.positive")[0].GetString()!.ShouldContain("80");
    }

    [Fact]
    public async Task A_figure_ten_times_the_usual_is_saved_with_a_warning_and_flagged_on_the_submission_checklist()
    {
        var world = await WorldAsync();
        decimal[] usual = [38171, 36500, 40210, 39050, 37400];
        for (var i = 0; i < usual.Length; i++)
        {
            var earlier = await PostAsync(data.AdminApi, "/api/events",
                Event(world.Campaign, world.Unit, new(2021, 4, 11 + i, 9, 0, 0), new() { ["reach_wechat"] = usual[i] }, "media_interview"));
            earlier.StatusCode.ShouldBe(HttpStatusCode.Created);
            (await earlier.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("warnings").GetArrayLength().ShouldBe(0);
        }

        // The typo: 381,710 typed for 38,171.
        var typo = await PostAsync(data.AdminApi, "/api/events",
            Event(world.Campaign, world.Unit, new(2021, 4, 17, 9, 0, 0), new() { ["reach_wechat"] = 381710 }, "media_interview"), "en");
        var normal = await PostAsync(data.AdminApi, "/api/events",
            Event(world.Campaign, world.Unit, new(2021, 4, 18, 9, 0, 0), new() { ["reach_wechat"] = 52000 }, "media_interview"));

        typo.StatusCode.ShouldBe(HttpStatusCode.Created);
        var saved = await typo.Content.ReadFromJsonAsync<JsonElement>();
        saved.GetProperty("figures").GetProperty("reach_wechat").GetDecimal().ShouldBe(381710);
        var warning = saved.GetProperty("warnings").EnumerateArray().Single();
        warning.GetProperty("field").GetString().ShouldBe("figures.reach_wechat");
        warning.GetProperty("usual").GetDecimal().ShouldBe(38171);
        warning.GetProperty("message").GetString()!.ShouldContain("381,710");
        (await normal.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("warnings").GetArrayLength().ShouldBe(0);

        var period = await data.Factory.AddPeriodAsync(data.Admin, world.Campaign, new(2021, 4, 10), new(2021, 4, 20), new(2021, 4, 24));
        var view = await data.AdminApi.GetFromJsonAsync<JsonElement>($"/api/reporting-periods/{period.Id}/units/{world.Unit}/submission");
        var flagged = view.GetProperty("checklist").EnumerateArray().Where(c => c.GetProperty("kind").GetString() == "unusual_figure").ToList();
        flagged.Select(c => (c.GetProperty("eventId").GetInt32(), c.GetProperty("metricCode").GetString()))
            .ShouldBe([(saved.GetProperty("id").GetInt32(), "reach_wechat")]);
        flagged[0].GetProperty("detail").GetString()!.ShouldContain("381");
    }

    [Fact]
    public async Task A_units_campaign_level_figure_ten_times_its_usual_is_flagged_on_the_submission_checklist_without_an_event()
    {
        var world = await WorldAsync();
        var url = $"/api/campaigns/{world.Campaign}/figures";
        decimal[] usual = [1250, 1180, 1320, 1210, 1290];
        for (var i = 0; i < usual.Length; i++)
        {
            (await PostAsync(data.AdminApi, url, new { unitId = world.Unit, date = new DateOnly(2021, 4, 10 + i), figures = new Dictionary<string, decimal> { ["public_benefited"] = usual[i] } }))
                .StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        (await PostAsync(data.AdminApi, url, new { unitId = world.Unit, date = new DateOnly(2021, 4, 17), figures = new Dictionary<string, decimal> { ["public_benefited"] = 12500 } }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        (await PostAsync(data.AdminApi, url, new { unitId = world.Unit, date = new DateOnly(2021, 4, 18), figures = new Dictionary<string, decimal> { ["public_benefited"] = 1400 } }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

        var period = await data.Factory.AddPeriodAsync(data.Admin, world.Campaign, new(2021, 4, 15), new(2021, 4, 21), new(2021, 4, 30));
        var view = await data.AdminApi.GetFromJsonAsync<JsonElement>($"/api/reporting-periods/{period.Id}/units/{world.Unit}/submission");
        var flagged = view.GetProperty("checklist").EnumerateArray().Where(c => c.GetProperty("kind").GetString() == "unusual_figure").ToList();
        flagged.Count.ShouldBe(1, view.GetProperty("checklist").ToString());
        flagged[0].GetProperty("eventId").ValueKind.ShouldBe(JsonValueKind.Null);
        flagged[0].GetProperty("metricCode").GetString().ShouldBe("public_benefited");
        flagged[0].GetProperty("start").GetDateTime().ShouldBe(new DateTime(2021, 4, 17));
        flagged[0].GetProperty("detail").GetString()!.ShouldContain("12,500");
    }

    [Fact]
    public async Task Estimates_are_kept_apart_in_the_totals_and_the_report_says_about_or_more_than_for_totals_that_include_them()
    {
        var world = await WorldAsync();
        async Task AddAsync(DateTime start, Dictionary<string, decimal> figures, string[]? estimated) =>
            (await PostAsync(data.AdminApi, "/api/events", Event(world.Campaign, world.Unit, start, figures, "free_clinic", estimated)))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        await AddAsync(new(2021, 4, 12, 9, 0, 0), new() { ["public_benefited"] = 500, ["patients_benefited"] = 38000 }, ["public_benefited"]);
        await AddAsync(new(2021, 4, 13, 9, 0, 0), new() { ["patients_benefited"] = 650, ["staff_medical"] = 41 }, ["patients_benefited"]);
        var unknown = await ErrorsAsync(await PostAsync(data.AdminApi, "/api/events",
            Event(world.Campaign, world.Unit, new(2021, 4, 14, 9, 0, 0), new() { ["staff_medical"] = 3 }, "free_clinic", ["volunteers"])));
        unknown.TryGetProperty("estimated", out _).ShouldBeTrue();

        var totals = await data.AdminApi.GetFromJsonAsync<JsonElement>($"/api/campaigns/{world.Campaign}/totals");
        totals.GetProperty("metrics").GetProperty("patients_benefited").GetDecimal().ShouldBe(38650);
        totals.GetProperty("estimated").GetProperty("patients_benefited").GetDecimal().ShouldBe(650);
        totals.GetProperty("estimated").GetProperty("public_benefited").GetDecimal().ShouldBe(500);
        totals.GetProperty("estimated").TryGetProperty("staff_medical", out _).ShouldBeFalse();

        var chinese = await data.AdminApi.GetAsync($"/api/campaigns/{world.Campaign}/report.pdf?lang=zh-CN");
        chinese.StatusCode.ShouldBe(HttpStatusCode.OK);
        var zh = await PdfTools.CompactTextAsync(await chinese.Content.ReadAsByteArrayAsync());
        zh.ShouldContain("公众约500人");
        zh.ShouldContain("患者38000余人");
        zh.ShouldContain("医护人员41人");
        var english = await PdfTools.TextAsync(await (await data.AdminApi.GetAsync($"/api/campaigns/{world.Campaign}/report.pdf?lang=en")).Content.ReadAsByteArrayAsync());
        var en = string.Join(' ', english.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        en.ShouldContain("about 500 members of the public");
        en.ShouldContain("more than 38000 patients");
    }
}
