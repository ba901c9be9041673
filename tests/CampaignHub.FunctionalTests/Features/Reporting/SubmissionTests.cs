using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CampaignHub.Testing;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Events;
using CampaignHub.Web.Features.Reporting;
using Microsoft.EntityFrameworkCore;

namespace CampaignHub.FunctionalTests.Features.Reporting;

/// <summary>
/// A unit's report through the API with each role: the coordinator submits (a snapshot of the unit's figures), the
/// admin returns it with a comment on a figure, the coordinator sees it on the event, fixes and resubmits (what changed
/// is shown), the admin approves; 403 for another unit's coordinator and for staff before any look at the input, 409
/// with the current status when the status does not allow the step, every step audited.
/// </summary>
public sealed class SubmissionTests(ReportingFixture data) : IClassFixture<ReportingFixture>
{
    private sealed record World(int Campaign, ReportingPeriodDetails Week, EventDetails Clinic);

    /// <summary>The campaign week due 30 April, with one held free clinic of the breast-cancer committee (screened 381,710 by mistake).</summary>
    private async Task<World> WorldAsync()
    {
        var campaign = await data.CampaignAsync();
        var week = await data.Factory.AddPeriodAsync(data.Admin, campaign, new(2021, 4, 15), new(2021, 4, 21), new(2021, 4, 30));
        var clinic = await data.Factory.AddEventAsync(data.BreastCoordinator, campaign, new(2021, 4, 16, 9, 0, 0),
            new Dictionary<string, decimal> { ["patients_benefited"] = 381710, ["staff_medical"] = 8 }, units: data.Breast);
        return new World(campaign, week, clinic);
    }

    private async Task<JsonElement> SubmitAsync(HttpClient client, int period, int unit, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var response = await client.PostAsJsonAsync($"/api/reporting-periods/{period}/submissions", new { unitId = unit });
        response.StatusCode.ShouldBe(expected);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static int Id(JsonElement submission) => submission.GetProperty("id").GetInt32();

    private static string Status(JsonElement submission) => submission.GetProperty("status").GetString()!;

    private async Task<List<AuditEntry>> AuditAsync(string type, int id)
    {
        await using var db = await data.Factory.DbAsync();
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == type && a.EntityId == key).OrderBy(a => a.Id).ToListAsync();
    }

    [Fact]
    public async Task A_coordinator_submits_for_their_unit_and_gets_201_with_the_totals_that_were_submitted()
    {
        var world = await WorldAsync();

        var submission = await SubmitAsync(data.BreastApi, world.Week.Id, data.Breast);

        Status(submission).ShouldBe("submitted");
        submission.GetProperty("late").GetBoolean().ShouldBeFalse();
        submission.GetProperty("totals").GetProperty("eventCount").GetInt32().ShouldBe(1);
        submission.GetProperty("totals").GetProperty("metrics").GetProperty("patients_benefited").GetDecimal().ShouldBe(381710);
        submission.GetProperty("submittedTotals").GetProperty("metrics").GetProperty("patients_benefited").GetDecimal().ShouldBe(381710);
        submission.GetProperty("submittedAt").GetString().ShouldBe("2021-04-25T04:00:00Z");
        submission.GetProperty("events").EnumerateArray().Single().GetProperty("id").GetInt32().ShouldBe(world.Clinic.Id);

        var read = await data.AdminApi.GetFromJsonAsync<JsonElement>($"/api/submissions/{Id(submission)}");
        Status(read).ShouldBe("submitted");
        // A second submission while it awaits review is refused with the status it has.
        var again = await data.BreastApi.PostAsJsonAsync($"/api/reporting-periods/{world.Week.Id}/submissions", new { unitId = data.Breast });
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("current").GetProperty("status").GetString().ShouldBe("submitted");
    }

    [Fact]
    public async Task Another_units_coordinator_and_staff_get_403_for_every_step_even_with_bad_input()
    {
        var world = await WorldAsync();
        var submitted = await SubmitAsync(data.BreastApi, world.Week.Id, data.Breast);
        var url = $"/api/submissions/{Id(submitted)}";
        var tooLong = new string('错', 100_000);

        (await data.LungApi.PostAsJsonAsync($"/api/reporting-periods/{world.Week.Id}/submissions", new { unitId = data.Breast, note = tooLong }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await data.StaffApi.PostAsJsonAsync($"/api/reporting-periods/{world.Week.Id}/submissions", new { unitId = data.Breast }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await data.StaffApi.PostAsJsonAsync("/api/reporting-periods/999999/submissions", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await data.LungApi.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await data.StaffApi.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        foreach (var client in new[] { data.BreastApi, data.LungApi, data.StaffApi })
        {
            (await client.PostAsJsonAsync($"{url}/return", new { comment = tooLong })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await client.PostAsJsonAsync($"{url}/approve", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await client.PostAsJsonAsync($"{url}/excuse", new { reason = "" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await client.GetAsync($"/api/reporting-periods/{world.Week.Id}/completeness")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await client.PostAsJsonAsync($"/api/reporting-periods/{world.Week.Id}/reminders", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        Status(await data.AdminApi.GetFromJsonAsync<JsonElement>(url)).ShouldBe("submitted");
        // The admin submits for any unit of the campaign.
        Status(await SubmitAsync(data.AdminApi, world.Week.Id, data.Lung)).ShouldBe("submitted");
    }

    [Fact]
    public async Task A_comment_of_100000_characters_is_400_and_nothing_is_stored()
    {
        var world = await WorldAsync();
        var submitted = await SubmitAsync(data.BreastApi, world.Week.Id, data.Breast);

        var response = await data.AdminApi.PostAsJsonAsync($"/api/submissions/{Id(submitted)}/return",
            new { comment = new string('错', 100_000), eventId = world.Clinic.Id, metricCode = "patients_benefited" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.GetProperty("comment")[0].GetString().ShouldBe("最多 2000 个字符。");
        await using var db = await data.Factory.DbAsync();
        (await db.ReturnedItems.CountAsync(r => r.SubmissionId == Id(submitted))).ShouldBe(0);
        (await db.UnitSubmissions.SingleAsync(s => s.Id == Id(submitted))).Status.ShouldBe(SubmissionStatus.Submitted);
    }

    [Fact]
    public async Task A_comment_on_an_event_of_another_unit_or_an_unknown_metric_is_400_naming_the_field()
    {
        var world = await WorldAsync();
        var lungEvent = await data.Factory.AddEventAsync(data.Admin, world.Campaign, new(2021, 4, 17, 9, 0, 0), units: data.Lung);
        var submitted = await SubmitAsync(data.BreastApi, world.Week.Id, data.Breast);

        var response = await data.AdminApi.PostAsJsonAsync($"/api/submissions/{Id(submitted)}/return",
            new { comment = "请核对", eventId = lungEvent.Id, metricCode = "likes" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.EnumerateObject().Select(p => p.Name).Order().ShouldBe(["eventId", "metricCode"]);
        (await data.AdminApi.PostAsJsonAsync($"/api/submissions/{Id(submitted)}/return", new { comment = "  " })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await data.AdminApi.PostAsJsonAsync("/api/submissions/999999/return", new { comment = "请核对" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Submit_return_fix_resubmit_approve_shows_the_comment_on_the_event_and_what_changed_and_audits_every_step()
    {
        var world = await WorldAsync();
        var submitted = await SubmitAsync(data.BreastApi, world.Week.Id, data.Breast);
        var id = Id(submitted);

        // The admin returns one figure with a comment.
        var returned = await data.AdminApi.PostAsJsonAsync($"/api/submissions/{id}/return",
            new { comment = "接待人数应为38171，请核对。", eventId = world.Clinic.Id, metricCode = "patients_benefited" });
        returned.StatusCode.ShouldBe(HttpStatusCode.OK);
        Status(await returned.Content.ReadFromJsonAsync<JsonElement>()).ShouldBe("returned");

        // The coordinator sees it on the event itself and in the submission's list of what was returned.
        var onEvent = await data.BreastApi.GetFromJsonAsync<JsonElement>($"/api/events/{world.Clinic.Id}/returned-items");
        var item = onEvent.EnumerateArray().Single();
        (item.GetProperty("comment").GetString(), item.GetProperty("metricCode").GetString(), item.GetProperty("open").GetBoolean())
            .ShouldBe(("接待人数应为38171，请核对。", "patients_benefited", true));
        (await data.LungApi.GetFromJsonAsync<JsonElement>($"/api/events/{world.Clinic.Id}/returned-items")).GetArrayLength().ShouldBe(0);
        (await data.StaffApi.GetFromJsonAsync<JsonElement>($"/api/events/{world.Clinic.Id}/returned-items")).GetArrayLength().ShouldBe(0);
        var view = await data.BreastApi.GetFromJsonAsync<JsonElement>($"/api/submissions/{id}");
        view.GetProperty("returnedItems").GetArrayLength().ShouldBe(1);
        view.GetProperty("events")[0].GetProperty("hasOpenComment").GetBoolean().ShouldBeTrue();

        // Approving before the fix is resubmitted: 409 with the status it has.
        var early = await data.AdminApi.PostAsJsonAsync($"/api/submissions/{id}/approve", new { });
        early.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await early.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("current").GetProperty("status").GetString().ShouldBe("returned");

        // The coordinator fixes the figure and resubmits: the reviewer sees what changed; the comment is answered.
        await data.Factory.AsAsync<EventService, EventDetails>(data.BreastCoordinator, events => events.SaveFiguresAsync(
            data.BreastCoordinator, world.Clinic.Id, new Dictionary<string, decimal> { ["patients_benefited"] = 38171, ["staff_medical"] = 8 }, world.Clinic.Version));
        var resubmitted = await SubmitAsync(data.BreastApi, world.Week.Id, data.Breast);
        resubmitted.GetProperty("round").GetInt32().ShouldBe(2);
        var change = resubmitted.GetProperty("changesInResubmission").EnumerateArray().Single();
        (change.GetProperty("kind").GetString(), change.GetProperty("metricCode").GetString(), change.GetProperty("oldValue").GetDecimal(), change.GetProperty("newValue").GetDecimal())
            .ShouldBe(("figure", "patients_benefited", 381710m, 38171m));
        resubmitted.GetProperty("changesSinceSubmitting").GetArrayLength().ShouldBe(0);
        resubmitted.GetProperty("returnedItems").EnumerateArray().Single().GetProperty("open").GetBoolean().ShouldBeFalse();
        (await data.BreastApi.GetFromJsonAsync<JsonElement>($"/api/events/{world.Clinic.Id}/returned-items")).GetArrayLength().ShouldBe(0);

        var approved = await data.AdminApi.PostAsJsonAsync($"/api/submissions/{id}/approve", new { version = resubmitted.GetProperty("version").GetInt64() });
        approved.StatusCode.ShouldBe(HttpStatusCode.OK);
        Status(await approved.Content.ReadFromJsonAsync<JsonElement>()).ShouldBe("approved");

        // Returning an approved submission: 409 with the status it has.
        var late = await data.AdminApi.PostAsJsonAsync($"/api/submissions/{id}/return", new { comment = "再看看" });
        late.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await late.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("current").GetProperty("status").GetString().ShouldBe("approved");

        // Every step in the audit trail, by whom.
        var audit = await AuditAsync(nameof(UnitSubmission), id);
        audit.Select(a => a.UserEmail).Distinct().Order().ShouldBe(["admin-reporting@test.local", "breast-reporting@test.local"]);
        audit.Select(a => JsonDocument.Parse(a.Changes).RootElement.TryGetProperty("Status", out var s) ? s.GetProperty("new").GetString() : null)
            .OfType<string>().ShouldBe(["Submitted", "Returned", "Submitted", "Approved"]);
        audit.ShouldAllBe(a => a.CampaignId == world.Campaign);
        await using (var db = await data.Factory.DbAsync())
        {
            // Both rounds' figures are kept beside the submission, not copied into the trail.
            var figures = await db.Set<UnitSubmissionFigures>().AsNoTracking().SingleAsync(f => f.SubmissionId == id);
            (figures.PreviouslySubmitted!.Contains("381710"), figures.Submitted.Contains("38171"), figures.Submitted.Contains("381710")).ShouldBe((true, true, false));
            (await db.AuditEntries.CountAsync(a => a.EntityType == nameof(UnitSubmissionFigures))).ShouldBe(0);
        }

        var comments = await AuditAsync(nameof(ReturnedItem), resubmitted.GetProperty("returnedItems")[0].GetProperty("id").GetInt32());
        comments.Select(a => a.Action).ShouldBe(["create", "update"]);
        comments[0].UserEmail.ShouldBe("admin-reporting@test.local");
    }

    [Fact]
    public async Task The_reviewer_sees_events_and_figures_edited_added_or_removed_since_submitting()
    {
        var world = await WorldAsync();
        var removed = await data.Factory.AddEventAsync(data.BreastCoordinator, world.Campaign, new(2021, 4, 18, 9, 0, 0), title: "患教会", units: data.Breast);
        var submitted = await SubmitAsync(data.BreastApi, world.Week.Id, data.Breast);
        await data.Factory.AsAsync<EventService, EventDetails>(data.BreastCoordinator, events => events.SaveFiguresAsync(
            data.BreastCoordinator, world.Clinic.Id, new Dictionary<string, decimal> { ["patients_benefited"] = 38171 }, world.Clinic.Version));
        await data.Factory.AsAsync<EventService>(data.BreastCoordinator, events => events.DeleteAsync(data.BreastCoordinator, removed.Id, removed.Version));
        var added = await data.Factory.AddEventAsync(data.BreastCoordinator, world.Campaign, new(2021, 4, 20, 9, 0, 0), title: "科普讲座", units: data.Breast);

        var view = await data.AdminApi.GetFromJsonAsync<JsonElement>($"/api/submissions/{Id(submitted)}");

        view.GetProperty("events").EnumerateArray().Select(e => (e.GetProperty("id").GetInt32(), e.GetProperty("changeSinceSubmitting").GetString()))
            .ShouldBe([(world.Clinic.Id, "changed"), (added.Id, "added"), (removed.Id, "removed")]);
        view.GetProperty("changesSinceSubmitting").EnumerateArray()
            .Select(c => (c.GetProperty("kind").GetString(), c.GetProperty("eventId").GetInt32(), c.TryGetProperty("metricCode", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null))
            .ShouldBe([("figure", world.Clinic.Id, "patients_benefited"), ("figure", world.Clinic.Id, "staff_medical"), ("event_removed", removed.Id, null), ("event_added", added.Id, null)]);
        view.GetProperty("totals").GetProperty("metrics").GetProperty("patients_benefited").GetDecimal().ShouldBe(38171);
        view.GetProperty("submittedTotals").GetProperty("metrics").GetProperty("patients_benefited").GetDecimal().ShouldBe(381710);
    }

    [Fact]
    public async Task An_admin_excuses_a_unit_with_a_reason_and_an_excused_or_approved_one_cannot_be_excused_again()
    {
        var world = await WorldAsync();

        var missing = await data.AdminApi.PostAsJsonAsync($"/api/reporting-periods/{world.Week.Id}/excusals", new { unitId = data.Lung });
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("reason", out _).ShouldBeTrue();

        var excused = await data.AdminApi.PostAsJsonAsync($"/api/reporting-periods/{world.Week.Id}/excusals", new { unitId = data.Lung, reason = "本周无活动" });
        excused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var view = await excused.Content.ReadFromJsonAsync<JsonElement>();
        (Status(view), view.GetProperty("excuseReason").GetString(), view.GetProperty("late").GetBoolean()).ShouldBe(("excused", "本周无活动", false));
        (await data.AdminApi.PostAsJsonAsync($"/api/submissions/{Id(view)}/excuse", new { reason = "again" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await data.LungApi.PostAsJsonAsync($"/api/reporting-periods/{world.Week.Id}/submissions", new { unitId = data.Lung })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await data.AdminApi.PostAsJsonAsync($"/api/reporting-periods/{world.Week.Id}/excusals", new { unitId = 999999, reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_step_based_on_a_stale_version_is_409_and_changes_nothing()
    {
        var world = await WorldAsync();
        var submitted = await SubmitAsync(data.BreastApi, world.Week.Id, data.Breast);
        var version = submitted.GetProperty("version").GetInt64();
        (await data.AdminApi.PostAsJsonAsync($"/api/submissions/{Id(submitted)}/return", new { comment = "请补充照片", version })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var stale = await data.AdminApi.PostAsJsonAsync($"/api/submissions/{Id(submitted)}/return", new { comment = "再补充", version });

        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var current = (await stale.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("current");
        current.GetProperty("version").GetInt64().ShouldBe(version + 1);
        await using var db = await data.Factory.DbAsync();
        (await db.ReturnedItems.CountAsync(r => r.SubmissionId == Id(submitted))).ShouldBe(1);
    }

    [Fact]
    public async Task The_checklist_names_past_events_not_held_held_events_without_figures_and_highlights_without_narrative_or_photos()
    {
        var world = await WorldAsync();
        var planned = await data.Factory.AddEventAsync(data.Admin, world.Campaign, new(2021, 4, 19, 9, 0, 0), status: "confirmed", title: "义诊（已确认）", units: data.Breast);
        var empty = await data.Factory.AddEventAsync(data.Admin, world.Campaign, new(2021, 4, 20, 9, 0, 0), title: "讲座（无数据）", highlight: true, units: data.Breast);

        var view = await data.BreastApi.GetFromJsonAsync<JsonElement>($"/api/reporting-periods/{world.Week.Id}/units/{data.Breast}/submission");

        Status(view).ShouldBe("not_started");
        view.GetProperty("id").ValueKind.ShouldBe(JsonValueKind.Null);
        view.GetProperty("checklist").EnumerateArray().Select(c => (c.GetProperty("kind").GetString(), c.GetProperty("eventId").GetInt32()))
            .ShouldBe([("past_event_not_held", planned.Id), ("held_without_figures", empty.Id), ("highlight_without_narrative", empty.Id), ("highlight_without_photos", empty.Id)]);
        (await data.LungApi.GetAsync($"/api/reporting-periods/{world.Week.Id}/units/{data.Breast}/submission")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_draft_keeps_the_coordinators_note_and_shows_as_draft()
    {
        var world = await WorldAsync();

        var draft = await data.BreastApi.PostAsJsonAsync($"/api/reporting-periods/{world.Week.Id}/submissions", new { unitId = data.Breast, draft = true, note = "周五补充照片" });

        draft.StatusCode.ShouldBe(HttpStatusCode.Created);
        var view = await draft.Content.ReadFromJsonAsync<JsonElement>();
        (Status(view), view.GetProperty("note").GetString()).ShouldBe(("draft", "周五补充照片"));
        view.GetProperty("submittedTotals").ValueKind.ShouldBe(JsonValueKind.Null);
        Status(await SubmitAsync(data.BreastApi, world.Week.Id, data.Breast)).ShouldBe("submitted");
    }
}
