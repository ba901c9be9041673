using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CampaignHub.Testing;
using CampaignHub.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CampaignHub.FunctionalTests.Features.Reporting;

/// <summary>
/// The completeness board with the association's clock at noon on 25 April 2021: who has submitted (counted with the
/// units' own word), late flags against each period's due date, the filters, and reminders recorded once per unit
/// that has not submitted.
/// </summary>
public sealed class CompletenessTests(ReportingFixture data) : IClassFixture<ReportingFixture>
{
    [Fact]
    public async Task Counts_statuses_and_late_flags_follow_the_due_dates_in_the_associations_calendar()
    {
        var campaign = await data.CampaignAsync();
        // The week was due on the 23rd (two days ago); the next week is due on the 30th.
        var week = await data.Factory.AddPeriodAsync(data.Admin, campaign, new(2021, 4, 15), new(2021, 4, 21), new(2021, 4, 23));
        var next = await data.Factory.AddPeriodAsync(data.Admin, campaign, new(2021, 4, 22), new(2021, 4, 28), new(2021, 4, 30), "第二周");
        await data.Factory.SubmitAsync(data.BreastCoordinator, week.Id, data.Breast);
        await data.Factory.ExcuseAsync(data.Admin, week.Id, data.Pathology);
        await data.Factory.SubmitAsync(data.BreastCoordinator, next.Id, data.Breast);

        var overdue = await data.AdminApi.GetFromJsonAsync<JsonElement>($"/api/reporting-periods/{week.Id}/completeness");
        var onTime = await data.AdminApi.GetFromJsonAsync<JsonElement>($"/api/reporting-periods/{next.Id}/completeness");

        (overdue.GetProperty("submitted").GetInt32(), overdue.GetProperty("total").GetInt32(), overdue.GetProperty("late").GetInt32()).ShouldBe((1, 3, 2));
        Units(overdue).ShouldBe([
            (data.Breast, "submitted", true, "2021-04-25T04:00:00Z"),
            (data.Lung, "not_started", true, null),
            (data.Pathology, "excused", false, null),
        ], ignoreOrder: true);
        overdue.GetProperty("counts").GetProperty("not_started").GetInt32().ShouldBe(1);
        Units(onTime).ShouldBe([
            (data.Breast, "submitted", false, "2021-04-25T04:00:00Z"),
            (data.Lung, "not_started", false, null),
            (data.Pathology, "not_started", false, null),
        ], ignoreOrder: true);
    }

    [Fact]
    public async Task Filters_narrow_the_units_but_never_the_counts()
    {
        var campaign = await data.CampaignAsync();
        var week = await data.Factory.AddPeriodAsync(data.Admin, campaign, new(2021, 4, 15), new(2021, 4, 21), new(2021, 4, 23));
        await data.Factory.SubmitAsync(data.BreastCoordinator, week.Id, data.Breast);

        var late = await data.AdminApi.GetFromJsonAsync<JsonElement>($"/api/reporting-periods/{week.Id}/completeness?status=not_started&late=true");
        var departments = await data.AdminApi.GetFromJsonAsync<JsonElement>($"/api/reporting-periods/{week.Id}/completeness?unitKind=department");

        Units(late).Select(u => u.UnitId).ShouldBe([data.Lung, data.Pathology], ignoreOrder: true);
        late.GetProperty("total").GetInt32().ShouldBe(3);
        Units(departments).Select(u => u.UnitId).ShouldBe([data.Pathology]);
        var bad = await data.AdminApi.GetAsync($"/api/reporting-periods/{week.Id}/completeness?status=lost&late=maybe&unitKind=club");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name).Order().ShouldBe(["late", "status", "unitKind"]);
        (await data.AdminApi.GetAsync("/api/reporting-periods/999999/completeness")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_board_shows_every_unit_in_every_period_with_each_periods_counts()
    {
        var campaign = await data.CampaignAsync();
        var week = await data.Factory.AddPeriodAsync(data.Admin, campaign, new(2021, 4, 15), new(2021, 4, 21), new(2021, 4, 23));
        var next = await data.Factory.AddPeriodAsync(data.Admin, campaign, new(2021, 4, 22), new(2021, 4, 28), new(2021, 4, 30), "第二周");
        var submitted = await data.Factory.SubmitAsync(data.BreastCoordinator, week.Id, data.Breast);
        await data.Factory.ApproveAsync(data.Admin, submitted.Id!.Value);

        var board = await data.AdminApi.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}/completeness");

        board.GetProperty("periods").EnumerateArray().Select(p => (p.GetProperty("period").GetProperty("id").GetInt32(), p.GetProperty("submitted").GetInt32(), p.GetProperty("late").GetInt32()))
            .ShouldBe([(week.Id, 1, 3), (next.Id, 0, 0)]);
        var breast = board.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("unitId").GetInt32() == data.Breast);
        breast.GetProperty("cells").EnumerateArray().Select(c => c.GetProperty("status").GetString()).ShouldBe(["approved", "not_started"]);
        board.GetProperty("unitCount").GetInt32().ShouldBe(3);
        var approvedOnly = await data.AdminApi.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}/completeness?status=approved");
        approvedOnly.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("unitId").GetInt32()).ShouldBe([data.Breast]);
    }

    [Fact]
    public async Task A_reminder_is_recorded_once_for_each_unit_that_has_not_submitted()
    {
        var campaign = await data.CampaignAsync();
        var week = await data.Factory.AddPeriodAsync(data.Admin, campaign, new(2021, 4, 15), new(2021, 4, 21), new(2021, 4, 23));
        await data.Factory.SubmitAsync(data.BreastCoordinator, week.Id, data.Breast);

        var first = await data.AdminApi.PostAsJsonAsync($"/api/reporting-periods/{week.Id}/reminders", new { });
        var second = await data.AdminApi.PostAsJsonAsync($"/api/reporting-periods/{week.Id}/reminders", new { });

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        var result = await first.Content.ReadFromJsonAsync<JsonElement>();
        Ids(result, "requested").ShouldBe([data.Lung, data.Pathology], ignoreOrder: true);
        Ids(result, "notNeeded").ShouldBe([data.Breast]);
        var again = await second.Content.ReadFromJsonAsync<JsonElement>();
        Ids(again, "requested").ShouldBeEmpty();
        Ids(again, "alreadyPending").ShouldBe([data.Lung, data.Pathology], ignoreOrder: true);

        await using var db = await data.Factory.DbAsync();
        var stored = await db.ReminderRequests.AsNoTracking().Where(r => r.ReportingPeriodId == week.Id).ToListAsync();
        stored.Select(r => (r.UnitId, r.Kind, r.DeliveredAt)).ShouldBe([(data.Lung, ReminderKind.Manual, (DateTime?)null), (data.Pathology, ReminderKind.Manual, null)], ignoreOrder: true);
        stored.ShouldAllBe(r => r.CreatedById != null && r.CampaignId == campaign);
        (await db.AuditEntries.CountAsync(a => a.EntityType == nameof(ReminderRequest) && a.CampaignId == campaign)).ShouldBe(2);

        var unknown = await data.AdminApi.PostAsJsonAsync($"/api/reporting-periods/{week.Id}/reminders", new { unitIds = new[] { 999999 } });
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_automatic_reminder_of_one_kind_can_be_recorded_only_once_per_unit_and_period()
    {
        var campaign = await data.CampaignAsync();
        var week = await data.Factory.AddPeriodAsync(data.Admin, campaign, new(2021, 4, 15), new(2021, 4, 21), new(2021, 4, 23));
        await using var db = await data.Factory.DbAsync();
        db.ReminderRequests.Add(new ReminderRequest { CampaignId = campaign, ReportingPeriodId = week.Id, UnitId = data.Lung, Kind = ReminderKind.Overdue });
        await db.SaveChangesAsync();

        db.ReminderRequests.Add(new ReminderRequest { CampaignId = campaign, ReportingPeriodId = week.Id, UnitId = data.Lung, Kind = ReminderKind.Overdue });
        await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    private static List<(int UnitId, string? Status, bool Late, string? SubmittedAt)> Units(JsonElement completeness) =>
        completeness.GetProperty("units").EnumerateArray()
            .Select(u => (u.GetProperty("unitId").GetInt32(), u.GetProperty("status").GetString(), u.GetProperty("late").GetBoolean(),
                u.GetProperty("submittedAt").ValueKind == JsonValueKind.Null ? null : u.GetProperty("submittedAt").GetString()))
            .ToList();

    private static List<int> Ids(JsonElement result, string name) => result.GetProperty(name).EnumerateArray().Select(e => e.GetInt32()).ToList();
}
