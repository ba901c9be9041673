using System.Text.Json;
using CampaignHub.Testing;
using CampaignHub.Web.Features.Common;
using CampaignHub.Web.Features.Events;
using Microsoft.EntityFrameworkCore;

namespace CampaignHub.FunctionalTests.Features.Events;

/// <summary>No lost updates, and every change of an event or its figures recorded with who and what.</summary>
public sealed class EventConflictAndAuditTests(EventRoleFixture data) : IClassFixture<EventRoleFixture>
{
    [Fact]
    public async Task The_second_of_two_saves_of_the_same_version_gets_a_conflict_showing_the_first_change()
    {
        var created = await data.CreateAsync();
        var first = data.FreeClinic();
        first.Title = "First editor's title";
        var second = data.FreeClinic();
        second.Title = "Second editor's title";
        second.Narrative = "Second editor's narrative";

        await data.WithAsync(s => s.UpdateAsync(data.BreastCoordinator, created.Id, first, created.Version));
        var conflict = await Should.ThrowAsync<ConcurrencyConflictException>(() =>
            data.WithAsync(s => s.UpdateAsync(data.Admin, created.Id, second, created.Version)));

        var current = conflict.Current.ShouldBeOfType<EventDetails>();
        current.Title.ShouldBe("First editor's title");
        current.Version.ShouldBe(created.Version + 1);
        conflict.Message.ShouldNotBeNullOrWhiteSpace();
        var stored = await data.WithAsync(s => s.GetAsync(created.Id));
        stored!.Title.ShouldBe("First editor's title");
        stored.Narrative.ShouldBeNull();
    }

    [Fact]
    public async Task Figures_saved_on_a_stale_version_conflict_and_change_nothing()
    {
        var created = await data.CreateAsync();
        await data.WithAsync(s => s.SaveFiguresAsync(data.BreastCoordinator, created.Id, new Dictionary<string, decimal> { ["patients_benefited"] = 150 }, created.Version));

        var conflict = await Should.ThrowAsync<ConcurrencyConflictException>(() => data.WithAsync(s =>
            s.SaveFiguresAsync(data.Admin, created.Id, new Dictionary<string, decimal> { ["patients_benefited"] = 99 }, created.Version)));

        conflict.Current.ShouldBeOfType<EventDetails>().Figures["patients_benefited"].ShouldBe(150);
        (await data.WithAsync(s => s.GetAsync(created.Id)))!.Figures["patients_benefited"].ShouldBe(150);
    }

    [Fact]
    public async Task Creating_updating_and_deleting_an_event_is_audited_with_user_and_old_and_new_values()
    {
        var created = await data.App.AsAsync(data.BreastCoordinator, (EventService s) => s.CreateAsync(data.BreastCoordinator, data.FreeClinic()));
        var input = data.FreeClinic();
        input.Title = "乳腺癌义诊（更正）";
        var updated = await data.App.AsAsync(data.BreastCoordinator, (EventService s) => s.UpdateAsync(data.BreastCoordinator, created.Id, input, created.Version));
        await data.App.AsAsync(data.Admin, (EventService s) => s.DeleteAsync(data.Admin, created.Id, updated.Version));

        var entries = await AuditAsync("CampaignEvent", created.Id.ToString());
        entries.Select(e => e.Action).ShouldBe(["create", "update", "delete"]);
        entries[0].UserId.ShouldBe(data.BreastCoordinator.UserId);
        entries[0].UserEmail.ShouldBe(data.BreastCoordinator.Email);
        Change(entries[0], "Title").ShouldBe((null, "乳腺癌义诊"));
        Change(entries[1], "Title").ShouldBe(("乳腺癌义诊", "乳腺癌义诊（更正）"));
        entries[1].CampaignId.ShouldBe(data.Campaign);
        entries[2].UserId.ShouldBe(data.Admin.UserId);
        Change(entries[2], "Title").ShouldBe(("乳腺癌义诊（更正）", null));
    }

    [Fact]
    public async Task Changing_an_events_figures_is_audited_per_figure_with_old_and_new_values()
    {
        var created = await data.CreateAsync();
        await data.App.AsAsync(data.BreastCoordinator, (EventService s) => s.SaveFiguresAsync(data.BreastCoordinator, created.Id,
            new Dictionary<string, decimal> { ["patients_benefited"] = 135, ["staff_medical"] = 8, ["books"] = 40 }, created.Version));

        await using var db = await data.App.DbAsync();
        var metricIds = await db.MetricDefinitions.ToDictionaryAsync(m => m.Code, m => m.Id);
        var figures = await db.MetricValues.Where(v => v.EventId == created.Id).ToDictionaryAsync(v => v.MetricDefinitionId, v => v.Id);
        var patients = (await AuditAsync("MetricValue", figures[metricIds["patients_benefited"]].ToString())).Last();
        patients.Action.ShouldBe("update");
        patients.UserId.ShouldBe(data.BreastCoordinator.UserId);
        Change(patients, "Value").ShouldBe(("120", "135"));
        var books = (await AuditAsync("MetricValue", figures[metricIds["books"]].ToString())).Single();
        books.Action.ShouldBe("create");
        Change(books, "Value").ShouldBe((null, "40"));
    }

    private async Task<List<Web.Domain.AuditEntry>> AuditAsync(string type, string id)
    {
        await using var db = await data.App.DbAsync();
        return await db.AuditEntries.Where(a => a.EntityType == type && a.EntityId == id).OrderBy(a => a.Id).ToListAsync();
    }

    private static (string? Old, string? New) Change(Web.Domain.AuditEntry entry, string property)
    {
        var change = JsonDocument.Parse(entry.Changes).RootElement.GetProperty(property);
        static string? Text(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.ValueKind == JsonValueKind.String ? e.GetString() : e.GetRawText();
        return (Text(change.GetProperty("old")), Text(change.GetProperty("new")));
    }
}
