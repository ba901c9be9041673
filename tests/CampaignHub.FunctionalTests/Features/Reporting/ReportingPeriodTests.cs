using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CampaignHub.Web.Domain;
using Microsoft.EntityFrameworkCore;
using CampaignHub.Testing;

namespace CampaignHub.FunctionalTests.Features.Reporting;

/// <summary>
/// Reporting periods through the API: an admin sets them, everyone in the cycle reads them, staff and coordinators
/// may not set them (403 before any look at the input), and a bad period is a 400 naming each wrong field with
/// nothing stored. Weekly periods for a long campaign, each due the following Monday.
/// </summary>
public sealed class ReportingPeriodTests(ReportingFixture data) : IClassFixture<ReportingFixture>
{
    private static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
    }

    private async Task<int> StoredPeriodsAsync(int campaign)
    {
        await using var db = await data.Factory.DbAsync();
        return await db.ReportingPeriods.CountAsync(p => p.CampaignId == campaign);
    }

    [Fact]
    public async Task An_admin_adds_the_campaign_week_due_30_April_and_coordinators_read_it_but_staff_get_403()
    {
        var campaign = await data.CampaignAsync();

        var created = await data.AdminApi.PostAsJsonAsync($"/api/campaigns/{campaign}/reporting-periods",
            new { name = "宣传周", nameEn = "Prevention week", from = "2021-04-15", to = "2021-04-21", dueDate = "2021-04-30" });

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var period = await created.Content.ReadFromJsonAsync<JsonElement>();
        period.GetProperty("dueDate").GetString().ShouldBe("2021-04-30");
        created.Headers.Location!.ToString().ShouldBe($"/api/reporting-periods/{period.GetProperty("id").GetInt32()}");
        var listed = await data.BreastApi.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}/reporting-periods");
        listed.EnumerateArray().Select(p => (p.GetProperty("name").GetString(), p.GetProperty("from").GetString(), p.GetProperty("to").GetString()))
            .ShouldBe([("宣传周", "2021-04-15", "2021-04-21")]);
        (await data.StaffApi.GetAsync($"/api/campaigns/{campaign}/reporting-periods")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await data.AdminApi.GetAsync("/api/campaigns/999999/reporting-periods")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Coordinators_and_staff_may_not_set_periods_even_when_what_they_send_is_wrong()
    {
        var campaign = await data.CampaignAsync();
        var bad = new { name = "", from = "2021-04-21", to = "2021-04-15", dueDate = "2021-04-01" };

        (await data.BreastApi.PostAsJsonAsync($"/api/campaigns/{campaign}/reporting-periods", bad)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await data.StaffApi.PostAsJsonAsync($"/api/campaigns/{campaign}/reporting-periods", bad)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await data.BreastApi.PostAsJsonAsync($"/api/campaigns/{campaign}/reporting-periods/weekly", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await StoredPeriodsAsync(campaign)).ShouldBe(0);
    }

    [Fact]
    public async Task A_due_date_before_the_start_an_end_before_the_start_and_dates_outside_the_campaign_are_400_naming_each_field()
    {
        var campaign = await data.CampaignAsync();
        var url = $"/api/campaigns/{campaign}/reporting-periods";

        var due = await ErrorsAsync(await data.AdminApi.PostAsJsonAsync(url, new { name = "宣传周", from = "2021-04-15", to = "2021-04-21", dueDate = "2021-04-14" }));
        due.EnumerateObject().Select(p => p.Name).ShouldBe(["dueDate"]);
        due.GetProperty("dueDate")[0].GetString().ShouldBe("截止日期不能早于报送期开始日期。");

        var backwards = await ErrorsAsync(await data.AdminApi.PostAsJsonAsync(url, new { name = "宣传周", from = "2021-04-21", to = "2021-04-15", dueDate = "2021-04-30" }));
        backwards.EnumerateObject().Select(p => p.Name).ShouldBe(["to"]);

        var everything = await ErrorsAsync(await data.AdminApi.PostAsJsonAsync(url, new { name = " ", from = "2021-04-01", to = "2021-06-30" }));
        everything.EnumerateObject().Select(p => p.Name).Order().ShouldBe(["dueDate", "from", "name", "to"]);

        var malformed = await ErrorsAsync(await data.AdminApi.PostAsJsonAsync(url, new { name = "宣传周", from = "15/04/2021", to = "2021-04-21", dueDate = "2021-04-30" }));
        malformed.TryGetProperty("from", out _).ShouldBeTrue();
        (await StoredPeriodsAsync(campaign)).ShouldBe(0);
    }

    [Fact]
    public async Task An_overlapping_period_is_400_naming_the_period_it_overlaps_and_an_adjacent_one_is_fine()
    {
        var campaign = await data.CampaignAsync();
        var url = $"/api/campaigns/{campaign}/reporting-periods";
        (await data.AdminApi.PostAsJsonAsync(url, new { name = "宣传周", from = "2021-04-15", to = "2021-04-21", dueDate = "2021-04-30" }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

        var overlap = await ErrorsAsync(await data.AdminApi.PostAsJsonAsync(url, new { name = "后续", from = "2021-04-21", to = "2021-04-27", dueDate = "2021-04-30" }));
        overlap.GetProperty("from")[0].GetString()!.ShouldContain("宣传周");

        var next = await data.AdminApi.PostAsJsonAsync(url, new { name = "后续", from = "2021-04-22", to = "2021-04-28", dueDate = "2021-05-03" });
        next.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await StoredPeriodsAsync(campaign)).ShouldBe(2);
    }

    [Fact]
    public async Task Weekly_periods_cover_a_long_campaign_each_due_the_following_Monday_and_refuse_to_overlap()
    {
        // 10 April 2021 is a Saturday; the campaign runs to Monday 31 May: eight weeks, the last of three days.
        var campaign = await data.CampaignAsync();

        var response = await data.AdminApi.PostAsJsonAsync($"/api/campaigns/{campaign}/reporting-periods/weekly", new { });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var weeks = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
        weeks.Count.ShouldBe(8);
        (weeks[0].GetProperty("name").GetString(), weeks[0].GetProperty("nameEn").GetString()).ShouldBe(("第1周", "Week 1"));
        (weeks[0].GetProperty("from").GetString(), weeks[0].GetProperty("to").GetString(), weeks[0].GetProperty("dueDate").GetString())
            .ShouldBe(("2021-04-10", "2021-04-16", "2021-04-19"));
        (weeks[^1].GetProperty("from").GetString(), weeks[^1].GetProperty("to").GetString(), weeks[^1].GetProperty("dueDate").GetString())
            .ShouldBe(("2021-05-29", "2021-05-31", "2021-06-07"));

        var again = await ErrorsAsync(await data.AdminApi.PostAsJsonAsync($"/api/campaigns/{campaign}/reporting-periods/weekly", new { from = "2021-05-01" }));
        again.TryGetProperty("from", out _).ShouldBeTrue();
        (await StoredPeriodsAsync(campaign)).ShouldBe(8);
    }

    [Fact]
    public async Task A_period_is_changed_with_the_version_read_and_a_stale_change_is_409_and_only_unused_periods_are_removed()
    {
        var campaign = await data.CampaignAsync();
        var period = await data.Factory.AddPeriodAsync(data.Admin, campaign, new(2021, 4, 15), new(2021, 4, 21), new(2021, 4, 30));
        var body = new { name = "宣传周（延期）", from = "2021-04-15", to = "2021-04-21", dueDate = "2021-05-07", version = period.Version };

        var changed = await data.AdminApi.PutAsJsonAsync($"/api/reporting-periods/{period.Id}", body);
        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("dueDate").GetString().ShouldBe("2021-05-07");

        var stale = await data.AdminApi.PutAsJsonAsync($"/api/reporting-periods/{period.Id}", body);
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await stale.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("current").GetProperty("name").GetString().ShouldBe("宣传周（延期）");

        await data.Factory.SubmitAsync(data.BreastCoordinator, period.Id, data.Breast);
        (await data.AdminApi.DeleteAsync($"/api/reporting-periods/{period.Id}")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var unused = await data.Factory.AddPeriodAsync(data.Admin, campaign, new(2021, 4, 22), new(2021, 4, 28), new(2021, 5, 3));
        (await data.AdminApi.DeleteAsync($"/api/reporting-periods/{unused.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await StoredPeriodsAsync(campaign)).ShouldBe(1);
    }
}
