using System.Globalization;
using CampaignHub.Web.Features.CalendarFeeds;
using CampaignHub.Web.Features.Schedule;
using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignHub.Benchmarks;

/// <summary>
/// Issue 4: (d) the week view's data query over all campaigns for the busiest week, and (e) a unit's calendar
/// feed of 1,000 events, opened by its secret token and written as iCalendar, as the feed endpoint does.
/// </summary>
internal static class ScheduleBenchmark
{
    private const int FeedEvents = 1_000;

    public static async Task<IReadOnlyList<Measurement>> RunAsync(IServiceProvider services, string connectionString, SeededData data, int runs)
    {
        await using var scope = services.CreateAsyncScope();
        var schedule = scope.ServiceProvider.GetRequiredService<ScheduleService>();
        var monday = data.WeekStart.AddDays(-(((int)data.WeekStart.DayOfWeek + 6) % 7));
        var busiest = new ScheduleQuery { From = monday, To = monday.AddDays(7) };
        var shown = await schedule.ListAsync(busiest);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"(d1) week of {monday:yyyy-MM-dd}, all campaigns: {shown.Entries.Count} events (truncated at {ScheduleQuery.MaxEntries}: {shown.Truncated})"));
        // An ordinary week: the week of the median event (of the campaigns spread over ten years).
        var median = await MedianEventDayAsync(connectionString);
        var ordinaryMonday = median.AddDays(-(((int)median.DayOfWeek + 6) % 7));
        var ordinary = new ScheduleQuery { From = ordinaryMonday, To = ordinaryMonday.AddDays(7) };
        var typical = await schedule.ListAsync(ordinary);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"(d2) week of {ordinaryMonday:yyyy-MM-dd}, all campaigns: {typical.Entries.Count} events"));

        // A unit whose feed holds exactly 1,000 events: the 1,000 latest events from the feed's window on.
        var since = DateTime.Today.AddYears(-CalendarFeedRenderer.PastYears);
        var unitId = await LinkUnitAsync(connectionString, since);
        var userId = await AddSubscriberAsync(services);
        var created = await scope.ServiceProvider.GetRequiredService<CalendarFeedService>()
            .CreateAsync(userId, new CalendarFeedInput("unit", UnitId: unitId, Name: "benchmark"));
        var feeds = scope.ServiceProvider.GetRequiredService<CalendarFeedService>();
        var renderer = scope.ServiceProvider.GetRequiredService<CalendarFeedRenderer>();

        async Task<string> FeedAsync() =>
            await renderer.RenderAsync((await feeds.OpenAsync(created.Token))!, "http://localhost:5000");

        var body = await FeedAsync();
        var count = body.Split("BEGIN:VEVENT").Length - 1;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"(e) unit feed: {count} events, {body.Length / 1024.0:0} KiB of iCalendar"));
        if (count != FeedEvents)
        {
            throw new InvalidOperationException($"The unit feed should hold {FeedEvents} events, not {count}.");
        }

        return
        [
            await Measurement.RunAsync($"(d1) week view data, all campaigns, the busiest week (first {shown.Entries.Count} of its events)", runs, () => schedule.ListAsync(busiest)),
            await Measurement.RunAsync($"(d2) week view data, all campaigns, an ordinary week ({typical.Entries.Count} events)", runs, () => schedule.ListAsync(ordinary)),
            await Measurement.RunAsync($"(e) unit calendar feed of {FeedEvents:N0} events (token lookup, queries, iCalendar text)", runs, FeedAsync),
            // Issue 14: what the endpoint now does for every poll, changed or not: the same text, as UTF-8, and its
            // ETag. A calendar holding that tag gets a 304 without the body; any other gets the 200.
            await Measurement.RunAsync($"(e2) the same feed with its ETag, as the endpoint answers a poll (200 or 304)", runs, async () =>
            {
                var bytes = System.Text.Encoding.UTF8.GetBytes(await FeedAsync());
                _ = FeedTag.Of(bytes).Tag.Length;
            }),
        ];
    }

    /// <summary>A staff member to own the feed (the benchmark host has no Identity services; the row is all it needs).</summary>
    private static async Task<string> AddSubscriberAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<CampaignHubDbContext>>().CreateDbContextAsync();
        var user = new ApplicationUser { UserName = "feed-benchmark@bench.local", Email = "feed-benchmark@bench.local" };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user.Id;
    }

    private static async Task<DateOnly> MedianEventDayAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT substr(StartsAt, 1, 10) FROM Events ORDER BY StartsAt LIMIT 1 OFFSET (SELECT COUNT(*) / 2 FROM Events)";
        return DateOnly.ParseExact((string)(await command.ExecuteScalarAsync())!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private static async Task<int> LinkUnitAsync(string connectionString, DateTime since)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO Units (Name, NameEn, Kind, Version) VALUES ('日历订阅基准专委会', 'Feed benchmark unit', 'committee', 1);
            INSERT INTO EventUnits (EventId, UnitId)
              SELECT Id, (SELECT Id FROM Units WHERE NameEn = 'Feed benchmark unit')
              FROM Events WHERE StartsAt >= $since ORDER BY StartsAt DESC LIMIT $count;
            SELECT Id FROM Units WHERE NameEn = 'Feed benchmark unit';
            """;
        command.Parameters.AddWithValue("$since", since.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$count", FeedEvents);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
