using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CampaignHub.Testing;
using CampaignHub.Web.Domain;

namespace CampaignHub.FunctionalTests.Features.Units;

/// <summary>
/// Units of every kind (a hospital's departments, partner sites, party branches, expert teams) work as committees
/// did, the report calls them by their kind, and callers written when they were all committees keep working.
/// </summary>
public sealed class UnitKindTests(CampaignHubAppFactory factory) : IClassFixture<CampaignHubAppFactory>
{
    private static string Unique(string name) => $"{name}-{Guid.NewGuid():N}"[..(name.Length + 9)];

    [Fact]
    public async Task An_admin_creates_a_department_of_a_hospital_changes_its_kind_and_bad_kinds_or_organisations_are_400s()
    {
        var (_, admin) = await factory.ApiUserAsync(Roles.Admin);
        await using (var db = await factory.DbAsync())
        {
            db.Organisations.Add(new Organisation { Name = Unique("天津医科大学肿瘤医院"), Kind = OrganisationKind.Hospital });
            await db.SaveChangesAsync();
        }

        int hospital;
        await using (var db = await factory.DbAsync())
        {
            hospital = db.Organisations.OrderByDescending(o => o.Id).First().Id;
        }

        var response = await admin.PostAsJsonAsync("/api/units", new { name = Unique("乳房再造科"), nameEn = "Breast Reconstruction", kind = "department", organisationId = hospital });

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        created.GetProperty("kind").GetString().ShouldBe("department");
        created.GetProperty("organisationId").GetInt32().ShouldBe(hospital);
        var id = created.GetProperty("id").GetInt32();

        var changed = await admin.PutAsJsonAsync($"/api/units/{id}", new
        {
            name = created.GetProperty("name").GetString(), kind = "party_branch", version = created.GetProperty("version").GetInt64(),
        });
        changed.StatusCode.ShouldBe(HttpStatusCode.OK, await changed.Content.ReadAsStringAsync());
        (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("kind").GetString().ShouldBe("party_branch");
        var stale = await admin.PutAsJsonAsync($"/api/units/{id}", new { name = "x", version = created.GetProperty("version").GetInt64() });
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var before = await UnitCountAsync();
        var badKind = await admin.PostAsJsonAsync("/api/units", new { name = Unique("病理科"), kind = "hospital_wing", organisationId = 999_999 });
        badKind.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await badKind.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.GetProperty("kind")[0].GetString()!.ShouldContain("hospital_wing");
        errors.GetProperty("kind")[0].GetString()!.ShouldContain("expert_team");
        errors.TryGetProperty("organisationId", out _).ShouldBeTrue();
        (await UnitCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Callers_of_the_committee_api_paths_fields_parameters_and_spreadsheet_columns_keep_working()
    {
        var (_, admin) = await factory.ApiUserAsync(Roles.Admin);
        var created = await admin.PostAsJsonAsync("/api/committees", new { name = Unique("肺癌专委会") });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var unit = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        (await admin.GetFromJsonAsync<JsonElement>($"/api/committees/{unit}")).GetProperty("kind").GetString().ShouldBe("committee");
        var other = await factory.AddUnitAsync(Unique("胃癌专委会"));
        var campaign = await factory.AddCampaignAsync("宣传周", new(2021, 4, 15), new(2021, 4, 21), unit, other);

        var logged = await admin.PostAsJsonAsync("/api/events", new
        {
            campaignId = campaign, committeeIds = new[] { unit }, title = "肺癌义诊", kind = "free_clinic", channel = "offline",
            start = "2021-04-16T09:00:00", end = "2021-04-16T11:00:00", status = "held", figures = new Dictionary<string, int> { ["patients_benefited"] = 40 },
        });
        logged.StatusCode.ShouldBe(HttpStatusCode.Created, await logged.Content.ReadAsStringAsync());
        (await logged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("unitIds").EnumerateArray().Select(e => e.GetInt32()).ShouldBe([unit]);

        var csv = $"title,kind,channel,start,end,committees\r\n胃癌讲座,lecture,online,2021-04-17 19:00,2021-04-17 20:00,{other}\r\n";
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new("text/csv");
        var imported = await admin.PostAsync($"/api/campaigns/{campaign}/events/import", new MultipartFormDataContent { { file, "file", "events.csv" } });
        imported.StatusCode.ShouldBe(HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());

        var onlyFirst = await admin.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}/totals?committeeId={unit}");
        onlyFirst.GetProperty("eventCount").GetInt32().ShouldBe(1);
        onlyFirst.GetProperty("metrics").GetProperty("patients_benefited").GetDecimal().ShouldBe(40);
        (await admin.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}/totals?committeeId={other}")).GetProperty("eventCount").GetInt32().ShouldBe(1);
        (await admin.GetFromJsonAsync<JsonElement>($"/api/events?campaignId={campaign}&committeeId={other}")).GetProperty("totalCount").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task A_hospital_campaign_run_by_departments_speaks_of_departments_and_the_association_week_of_committees()
    {
        var (_, admin) = await factory.ApiUserAsync(Roles.Admin);
        var reconstruction = await factory.AddUnitAsync(Unique("乳房再造科"), UnitKind.Department);
        var imaging = await factory.AddUnitAsync(Unique("乳腺影像诊断科"), UnitKind.Department);
        var campaign = await factory.AddCampaignAsync("乳房再造公益行", new(2021, 5, 1), new(2021, 5, 31), reconstruction, imaging);
        await factory.AddEventAsync(campaign, [reconstruction], "乳房再造技术培训", new(2021, 5, 10, 9, 0, 0), new(2021, 5, 10, 17, 0, 0), kind: "training", status: "held");
        await factory.AddEventAsync(campaign, [imaging], "乳腺癌早诊义诊", new(2021, 5, 12, 9, 0, 0), new(2021, 5, 12, 12, 0, 0), status: "held");

        using var word = new ReportDocx(await admin.GetByteArrayAsync($"/api/campaigns/{campaign}/report.docx?lang=zh-CN"));
        word.Text.ShouldContain("2个科室");
        word.Text.ShouldContain("各科室活动情况");
        word.Text.ShouldNotContain("专委会");

        using var english = new ReportDocx(await admin.GetByteArrayAsync($"/api/campaigns/{campaign}/report.docx?lang=en"));
        english.Text.ShouldContain("2 departments");
        english.Text.ShouldContain("Events and people served by department");
        english.Text.ShouldNotContain("committee", Case.Insensitive);
    }

    private async Task<int> UnitCountAsync()
    {
        await using var db = await factory.DbAsync();
        return db.Units.Count();
    }
}
