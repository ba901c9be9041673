using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CampaignHub.Testing;
using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Common;
using CampaignHub.Web.Features.Events;
using CampaignHub.Web.Features.Figures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignHub.FunctionalTests.Data.Tallies;

/// <summary>
/// The per-day event and figure tallies that totals read stay equal to the events and figures themselves after
/// every kind of write: an event logged, edited (moved to another day, its status, units or figures changed),
/// deleted; figures changed alone; a spreadsheet imported; campaign-level figures saved and deleted; and a database
/// from before the tallies, counted when the app starts.
/// </summary>
public sealed class TallyKeeperTests(CampaignHubAppFactory factory) : IClassFixture<CampaignHubAppFactory>
{
    private async Task<(int Campaign, int Breast, int Lung, Actor Admin)> CampaignAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var breast = await factory.AddUnitAsync($"乳腺癌专委会-{suffix}");
        var lung = await factory.AddUnitAsync($"肺癌专委会-{suffix}");
        var campaign = await factory.AddCampaignAsync($"宣传周-{suffix}", new(2021, 4, 15), new(2021, 5, 31), breast, lung);
        var admin = await factory.ActorAsync(await factory.CreateUserAsync($"admin-{suffix}@test.campaignhub.local", Roles.Admin));
        return (campaign, breast, lung, admin);
    }

    private static EventInput Event(int campaign, int[] units, string kind, string status, DateTime start, params (string Code, decimal Value)[] figures) => new()
    {
        CampaignId = campaign, UnitIds = [.. units], Title = $"{kind} {start:MM-dd HH:mm}", Kind = kind, Channel = "offline", Status = status,
        Start = start, End = start.AddHours(2), Figures = figures.ToDictionary(f => f.Code, f => f.Value),
    };

    /// <summary>The campaign's tallies as stored, and as counted from its events and figures now.</summary>
    private async Task ShouldMatchTheRowsAsync(int campaign, string after)
    {
        await using var db = await factory.DbAsync();
        var events = await db.Events.AsNoTracking().Where(e => e.CampaignId == campaign)
            .Select(e => new { e.Id, Date = DateOnly.FromDateTime(e.StartsAt), e.Kind, e.Channel, e.Status, Units = e.Units.Select(u => u.UnitId).ToList() })
            .ToListAsync();
        // Each event once for the campaign and once for each of its units, on its day and in its month.
        var counted = events.Select(e => (UnitId: (int?)null, e.Date, e.Kind, e.Channel, e.Status))
            .Concat(events.SelectMany(e => e.Units.Select(u => (UnitId: (int?)u, e.Date, e.Kind, e.Channel, e.Status))))
            .ToList();
        var expectedEvents = counted.Select(c => (Span: TallySpan.Day, c.UnitId, c.Date, c.Kind, c.Channel, c.Status))
            .Concat(counted.Select(c => (Span: TallySpan.Month, c.UnitId, Date: Month(c.Date), c.Kind, c.Channel, c.Status)))
            .GroupBy(k => k).Select(g => $"{g.Key} = {g.Count()}").Order().ToList();
        var storedEvents = (await db.EventTallies.AsNoTracking().Where(t => t.CampaignId == campaign).ToListAsync())
            .Select(t => $"{(t.Span, t.UnitId, t.Date, t.Kind, t.Channel, t.Status)} = {t.Events}").Order().ToList();
        storedEvents.ShouldBe(expectedEvents, $"event tallies after {after}");

        var cancelled = events.Where(e => e.Status == EventStatus.Cancelled).Select(e => e.Id).ToHashSet();
        var units = events.ToDictionary(e => e.Id, e => e.Units);
        var values = (await db.MetricValues.AsNoTracking().Where(v => v.CampaignId == campaign).ToListAsync())
            .Where(v => v.EventId is not { } id || !cancelled.Contains(id)).ToList();
        // The whole campaign's figures, then each unit's: an event's for each of its units, an entry for its own.
        var whole = values.Select(v => (UnitId: (int?)null, v.Date, v.MetricDefinitionId, v.Value));
        var perUnit = values.SelectMany(v => v.EventId is { } id
            ? units[id].Select(u => (UnitId: (int?)u, v.Date, v.MetricDefinitionId, v.Value))
            : v.UnitId is null ? [] : [(v.UnitId, v.Date, v.MetricDefinitionId, v.Value)]);
        var summed = whole.Concat(perUnit).ToList();
        var expectedFigures = summed.Select(f => (Span: TallySpan.Day, f.UnitId, f.Date, f.MetricDefinitionId, f.Value))
            .Concat(summed.Select(f => (Span: TallySpan.Month, f.UnitId, Date: Month(f.Date), f.MetricDefinitionId, f.Value)))
            .GroupBy(f => (f.Span, f.UnitId, f.Date, f.MetricDefinitionId))
            .Select(g => $"{g.Key} = {g.Sum(f => f.Value)}").Order().ToList();
        var storedFigures = (await db.FigureTallies.AsNoTracking().Where(t => t.CampaignId == campaign).ToListAsync())
            .Select(t => $"{(t.Span, t.UnitId, t.Date, t.MetricDefinitionId)} = {t.Value}").Order().ToList();
        storedFigures.ShouldBe(expectedFigures, $"figure tallies after {after}");
    }

    private static DateOnly Month(DateOnly day) => new(day.Year, day.Month, 1);

    [Fact]
    public async Task Logging_editing_cancelling_and_deleting_events_keeps_the_tallies_equal_to_the_events_and_their_figures()
    {
        var (campaign, breast, lung, admin) = await CampaignAsync();
        await using var scope = factory.ScopeFor(admin);
        var events = scope.ServiceProvider.GetRequiredService<EventService>();

        var joint = await events.CreateAsync(admin, Event(campaign, [breast, lung], "free_clinic", "held", new(2021, 4, 16, 9, 0, 0), ("patients_benefited", 120), ("staff_medical", 8)));
        var lecture = await events.CreateAsync(admin, Event(campaign, [breast], "lecture", "planned", new(2021, 4, 16, 19, 0, 0), ("public_benefited", 300)));
        await events.CreateAsync(admin, Event(campaign, [lung], "screening", "confirmed", new(2021, 4, 28, 9, 0, 0), ("screened", 45)));
        await ShouldMatchTheRowsAsync(campaign, "logging three events");

        var moved = joint.ToInput();
        moved.Start = new DateTime(2021, 5, 3, 9, 0, 0);
        moved.End = moved.Start.Value.AddHours(3);
        moved.UnitIds = [lung];
        moved.Figures!["patients_benefited"] = 150;
        moved.Figures.Remove("staff_medical");
        joint = await events.UpdateAsync(admin, joint.Id, moved, moved.Version);
        await ShouldMatchTheRowsAsync(campaign, "moving an event to a day of the next month, dropping a unit and changing its figures");

        var cancelled = lecture.ToInput();
        cancelled.Status = "cancelled";
        lecture = await events.UpdateAsync(admin, lecture.Id, cancelled, cancelled.Version);
        await ShouldMatchTheRowsAsync(campaign, "cancelling an event");

        var restored = lecture.ToInput();
        restored.Status = "held";
        restored.UnitIds = [breast, lung];
        lecture = await events.UpdateAsync(admin, lecture.Id, restored, restored.Version);
        await ShouldMatchTheRowsAsync(campaign, "holding a cancelled event after all, with a second unit");

        await events.SaveFiguresAsync(admin, lecture.Id, new Dictionary<string, decimal> { ["public_benefited"] = 310, ["volunteers"] = 12 }, lecture.Version);
        await ShouldMatchTheRowsAsync(campaign, "changing an event's figures alone");

        await events.DeleteAsync(admin, joint.Id, joint.Version);
        await ShouldMatchTheRowsAsync(campaign, "deleting an event");
    }

    [Fact]
    public async Task Campaign_level_figures_saved_changed_and_deleted_keep_the_tallies_equal_to_the_figures()
    {
        var (campaign, breast, lung, admin) = await CampaignAsync();
        await using var scope = factory.ScopeFor(admin);
        var figures = scope.ServiceProvider.GetRequiredService<CampaignFigureService>();

        var saved = await figures.SaveAsync(admin, campaign, new CampaignFigureInput { UnitId = breast, Date = new(2021, 4, 15), Figures = new() { ["reach_wechat"] = 38171, ["reach_tv"] = 2010 } });
        await figures.SaveAsync(admin, campaign, new CampaignFigureInput { UnitId = lung, Date = new(2021, 4, 15), Figures = new() { ["reach_wechat"] = 100 } });
        await ShouldMatchTheRowsAsync(campaign, "saving campaign-level figures of two units");

        var wechat = saved.Single(f => f.Code == "reach_wechat");
        await figures.SaveAsync(admin, campaign, new CampaignFigureInput
        {
            UnitId = breast, Date = new(2021, 4, 15), Figures = new() { ["reach_wechat"] = 40000 }, Versions = new() { ["reach_wechat"] = wechat.Version },
        });
        await ShouldMatchTheRowsAsync(campaign, "changing a campaign-level figure");

        await figures.DeleteAsync(admin, campaign, saved.Single(f => f.Code == "reach_tv").Id, null);
        await ShouldMatchTheRowsAsync(campaign, "deleting a campaign-level figure");
    }

    [Fact]
    public async Task An_imported_spreadsheet_keeps_the_tallies_equal_to_its_events_and_figures()
    {
        var (campaign, breast, lung, _) = await CampaignAsync();
        var (_, client) = await factory.ApiUserAsync(Roles.Admin);
        var csv = $"""
            title,kind,channel,platform,start,end,units,venue,series,stop,status,highlight,narrative,patients_benefited,staff_medical
            乳腺癌义诊,free_clinic,offline,,2021-04-16 09:00,2021-04-16 11:30,{breast},门诊大厅,,,held,是,,120,8
            肺癌科普直播,lecture,online,live_stream,2021-04-17 19:00,2021-04-17 20:00,{lung},,,,cancelled,no,,,3
            联合义诊,free_clinic,offline,,2021-04-29 09:00,2021-04-29 12:00,{breast}；{lung},社区广场,,,planned,false,,30,
            """;
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var response = await client.PostAsync($"/api/campaigns/{campaign}/events/import", new MultipartFormDataContent { { file, "file", "events.csv" } });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        await ShouldMatchTheRowsAsync(campaign, "importing a spreadsheet");
    }

    [Fact]
    public async Task A_database_from_before_the_tallies_is_counted_when_the_app_starts()
    {
        var (campaign, breast, lung, admin) = await CampaignAsync();
        await using (var scope = factory.ScopeFor(admin))
        {
            var events = scope.ServiceProvider.GetRequiredService<EventService>();
            await events.CreateAsync(admin, Event(campaign, [breast, lung], "free_clinic", "held", new(2021, 4, 16, 9, 0, 0), ("patients_benefited", 120)));
            await events.CreateAsync(admin, Event(campaign, [lung], "lecture", "cancelled", new(2021, 4, 18, 9, 0, 0), ("public_benefited", 80)));
            await scope.ServiceProvider.GetRequiredService<CampaignFigureService>()
                .SaveAsync(admin, campaign, new CampaignFigureInput { UnitId = breast, Date = new(2021, 4, 30), Figures = new() { ["reach_wechat"] = 500 } });
        }

        await using (var db = await factory.DbAsync())
        {
            // As the migration leaves a database: the tables there, empty.
            await db.EventTallies.ExecuteDeleteAsync();
            await db.FigureTallies.ExecuteDeleteAsync();
        }

        using var restarted = CampaignHubAppFactory.SharingDatabaseWith(factory);
        restarted.Services.GetRequiredService<DatabaseSettings>().ShouldNotBeNull();

        await ShouldMatchTheRowsAsync(campaign, "the app's start");
        await using var check = await factory.DbAsync();
        (await check.EventTallies.CountAsync()).ShouldBeGreaterThan(0);
    }
}
