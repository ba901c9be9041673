using System.Diagnostics;
using System.Globalization;
using CampaignHub.Web.Data;
using CampaignHub.Web.Data.Tallies;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Common;
using CampaignHub.Web.Features.Programmes;
using CampaignHub.Web.Features.Reports;
using CampaignHub.Web.Features.Reports.Summary;
using CampaignHub.Web.Features.Totals;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignHub.Benchmarks;

/// <summary>
/// The issue-11 benchmark (<c>--programme</c>): a programme of 5 yearly campaigns (2022-2026, the last one running
/// today, so some of its events are still to come) with 100,000 events in all and about 10 figures an event (about
/// 1,000,000 figure values, plus a year of daily WeChat reach per unit and campaign), through the app's own services
/// on a fresh SQLite file. Events and figures go in with prepared ADO.NET inserts, past the save path, so their tallies
/// are then counted the way an upgraded database is at its first start (timed). Then, warm, the median of N runs
/// after one warm-up: totals of one 20,000-event campaign (with and without the previous period and a year earlier),
/// the programme's roll-up, the campaign statistics a report reads, the programme report's statistics, and a whole
/// campaign report's data. Prints the SQL of the totals and the roll-up with SQLite's query plans.
/// </summary>
internal static class ProgrammeBenchmark
{
    private const int Campaigns = 5;
    private const int EventsPerCampaign = 20_000;
    private const int FiguresPerEvent = 10;
    private const int UnitCount = 25;
    private const int FirstYear = 2022;

    private static readonly (EventKind Kind, int Weight)[] Kinds =
    [
        (EventKind.Lecture, 25), (EventKind.FreeClinic, 20), (EventKind.PatientExchange, 15), (EventKind.MediaInterview, 12),
        (EventKind.Screening, 6), (EventKind.Training, 4), (EventKind.MaterialDistribution, 4), (EventKind.VolunteerService, 4),
        (EventKind.Broadcast, 3), (EventKind.Conference, 3), (EventKind.LaunchCeremony, 1), (EventKind.Performance, 1),
        (EventKind.Award, 1), (EventKind.Other, 1),
    ];

    private static readonly (EventStatus Status, int Weight)[] Statuses =
        [(EventStatus.Held, 80), (EventStatus.Confirmed, 8), (EventStatus.Planned, 8), (EventStatus.Cancelled, 4)];

    public static async Task<int> RunAsync(int runs, bool keep)
    {
        var work = Path.Combine(Path.GetTempPath(), "campaignhub-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        var databaseFile = Path.Combine(work, "campaignhub.db");
        try
        {
            using var host = await BenchmarkHost.StartAsync(databaseFile, services => services.AddCampaignHubReports());
            var connectionString = host.Services.GetRequiredService<DatabaseSettings>().ConnectionString;
            var seeding = Stopwatch.StartNew();
            var (programmeId, campaignIds, events, figures) = await SeedAsync(host.Services);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Seeded a programme of {Campaigns} yearly campaigns with {events:N0} events and {figures:N0} figure values in {seeding.Elapsed.TotalSeconds:0.0} s."));

            var factory = host.Services.GetRequiredService<IDbContextFactory<CampaignHubDbContext>>();
            var counting = Stopwatch.StartNew();
            await using (var db = await factory.CreateDbContextAsync())
            {
                await TallyKeeper.CountIfMissingAsync(db, CancellationToken.None);
            }

            long eventTallies, figureTallies;
            await using (var db = await factory.CreateDbContextAsync())
            {
                eventTallies = await db.EventTallies.LongCountAsync();
                figureTallies = await db.FigureTallies.LongCountAsync();
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Counted the tallies as an upgraded database's first start does in {counting.Elapsed.TotalSeconds:0.0} s: {eventTallies:N0} event and {figureTallies:N0} figure tally rows ({new FileInfo(databaseFile).Length / 1048576.0:0} MiB in all)."));
            await using (var connection = new SqliteConnection(connectionString))
            {
                await connection.OpenAsync();
                Console.WriteLine($"SQLite {connection.ServerVersion}, .NET {Environment.Version}, {Environment.ProcessorCount} cores.");
            }

            await using var scope = host.Services.CreateAsyncScope();
            var totals = scope.ServiceProvider.GetRequiredService<TotalsService>();
            var programmes = scope.ServiceProvider.GetRequiredService<ProgrammeService>();
            var statistics = scope.ServiceProvider.GetRequiredService<CampaignStatisticsService>();
            var reports = scope.ServiceProvider.GetRequiredService<SummaryReportService>();
            var past = campaignIds[^2];
            var running = campaignIds[^1];

            // What each measure returns, so a fast figure cannot come from an empty result.
            var one = await totals.GetAsync(new TotalsQuery(past));
            var rollUp = await programmes.GetTotalsAsync(programmeId, null, null, compare: false);
            var current = await totals.GetAsync(new TotalsQuery(running));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Campaign {past} ({FirstYear + Campaigns - 2}): {one.EventCount:N0} events counted, {one.Unconfirmed:N0} unconfirmed, patients_benefited {one.Metrics.GetValueOrDefault("patients_benefited"):N0}."));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Campaign {running} ({FirstYear + Campaigns - 1}, running today): {current.EventCount:N0} counted, {current.Upcoming:N0} upcoming."));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Programme {programmeId}: {rollUp.Totals.EventCount:N0} events counted, {rollUp.Totals.Upcoming:N0} upcoming, {rollUp.Campaigns.Count} campaigns, years {string.Join(", ", rollUp.Years.Select(y => $"{y.Year}: {y.Events:N0}"))}."));
            if (rollUp.Totals.EventCount + rollUp.Totals.Upcoming < events * 9 / 10)
            {
                throw new InvalidOperationException("The roll-up should count nearly every seeded event.");
            }

            Console.WriteLine();
            Console.WriteLine("## Query plans");
            var problems = new List<string>();
            using (var capture = CommandCapture.Start())
            {
                capture.Enabled = true;
                await totals.GetAsync(new TotalsQuery(past));
                problems.AddRange(await QueryPlans.PrintAsync(connectionString, "(p1) totals of one 20,000-event campaign", capture.Take(), Console.Out));
                await programmes.GetTotalsAsync(programmeId, null, null, compare: false);
                problems.AddRange(await QueryPlans.PrintAsync(connectionString, "(p3) the programme's roll-up (the running campaign's today read from its events)", capture.Take(), Console.Out));
                await statistics.GetAsync(programmeId, campaignIds, new DateOnly(FirstYear, 1, 1), new DateOnly(FirstYear + Campaigns - 1, 12, 31), compare: false, CancellationToken.None);
                problems.AddRange(await QueryPlans.PrintAsync(connectionString, "(p7) the programme report's statistics, without comparisons", capture.Take(), Console.Out));
                await reports.LoadSourceAsync(new SummaryReportQuery(past, Language: "zh-CN"), []);
                problems.AddRange(await QueryPlans.PrintAsync(connectionString, "(p8) a campaign report's data", capture.Take(), Console.Out));
            }

            Console.WriteLine(problems.Count == 0
                ? "Index check: every access to Events, EventUnits, MetricValues and the tallies is an index search; no automatic indexes."
                : "Index check: these plan steps read a whole large table, or build an index on every run:\n  " + string.Join("\n  ", problems));

            var admin = new Actor("benchmark", "benchmark@campaignhub.local", IsAdmin: true, IsCoordinator: false, new HashSet<int>());
            var measurements = new List<Measurement>
            {
                await Measurement.RunAsync($"(p1) totals of one campaign, {EventsPerCampaign:N0} events over a year", runs, () => totals.GetAsync(new TotalsQuery(past))),
                await Measurement.RunAsync("(p2) the same with the previous period and a year earlier (compare=true)", runs, () => totals.GetAsync(new TotalsQuery(past, Compare: true))),
                await Measurement.RunAsync($"(p3) the programme's roll-up: {Campaigns} campaigns, {events:N0} events (totals, per campaign, per year)", runs,
                    () => programmes.GetTotalsAsync(programmeId, null, null, compare: false)),
                await Measurement.RunAsync("(p4) the roll-up with the previous period and a year earlier", runs,
                    () => programmes.GetTotalsAsync(programmeId, null, null, compare: true)),
                await Measurement.RunAsync("(p5) totals of the running campaign (today's events read one by one)", runs, () => totals.GetAsync(new TotalsQuery(running))),
                await Measurement.RunAsync("(p6) the campaign statistics a report reads (compare, per day, per unit, targets)", runs,
                    () => statistics.GetAsync(new TotalsQuery(past, Compare: true))),
                await Measurement.RunAsync("(p7) the programme report's statistics (all 5 campaigns, compare, per month, per unit)", runs,
                    () => statistics.GetAsync(programmeId, campaignIds, new DateOnly(FirstYear, 1, 1), new DateOnly(FirstYear + Campaigns - 1, 12, 31), compare: true, CancellationToken.None)),
                await Measurement.RunAsync("(p8) a campaign report's data: statistics, story, upcoming (SummaryReportService.LoadSourceAsync)", runs,
                    () => reports.LoadSourceAsync(new SummaryReportQuery(past, Language: "zh-CN"), [])),
                await Measurement.RunAsync("(p9) the programme report's document (BuildProgrammeAsync, no rendering)", runs,
                    () => reports.BuildProgrammeAsync(admin, new ProgrammeReportQuery(programmeId, Language: "zh-CN"))),
            };

            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"## Results ({events:N0} events, {figures:N0} figure values; {runs} runs after one warm-up)"));
            Console.WriteLine();
            Console.WriteLine("| measure | median ms | min ms | max ms | runs (ms) |");
            Console.WriteLine("|---|---|---|---|---|");
            measurements.ForEach(m => Console.WriteLine(m.ToMarkdownRow()));
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (keep)
            {
                Console.WriteLine($"Kept {databaseFile}");
            }
            else
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    /// <summary>The programme, its campaigns and units through the app's DbContext; events and figures by prepared inserts in one transaction.</summary>
    private static async Task<(int ProgrammeId, int[] CampaignIds, int Events, long Figures)> SeedAsync(IServiceProvider services)
    {
        var random = new Random(20190301);
        var factory = services.GetRequiredService<IDbContextFactory<CampaignHubDbContext>>();
        int programmeId;
        int[] campaignIds, unitIds, metricIds;
        int wechatId;
        await using (var db = await factory.CreateDbContextAsync())
        {
            var programme = new Programme { Name = "乳房再造公益行", NameEn = "Breast Reconstruction Outreach" };
            var units = Enumerable.Range(1, UnitCount).Select(i => new Unit { Name = $"协作医院{i:00}", Kind = UnitKind.PartnerSite }).ToList();
            var campaigns = Enumerable.Range(0, Campaigns).Select(i => new Campaign
            {
                Name = $"乳房再造公益行 {FirstYear + i}", Edition = $"第{i + 1}届", Programme = programme,
                StartDate = new DateOnly(FirstYear + i, 1, 1), EndDate = new DateOnly(FirstYear + i, 12, 31),
                Units = units.Select(u => new CampaignUnit { Unit = u }).ToList(),
            }).ToList();
            db.Campaigns.AddRange(campaigns);
            await db.SaveChangesAsync();
            programmeId = programme.Id;
            campaignIds = campaigns.Select(c => c.Id).ToArray();
            unitIds = units.Select(u => u.Id).ToArray();
            metricIds = await db.MetricDefinitions.OrderBy(m => m.SortOrder).Select(m => m.Id).ToArrayAsync();
            wechatId = await db.MetricDefinitions.Where(m => m.Code == "reach_wechat").Select(m => m.Id).SingleAsync();
        }

        await using var connection = new SqliteConnection(services.GetRequiredService<DatabaseSettings>().ConnectionString);
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var insertEvent = Command(connection, transaction,
            """
            INSERT INTO Events (CampaignId, Title, Kind, Channel, StartsAt, EndsAt, Status, Highlight, CreatedAt, UpdatedAt, Version, CalendarSequence)
            VALUES ($campaign, $title, $kind, $channel, $starts, $ends, $status, $highlight, $now, $now, 1, 0) RETURNING Id
            """,
            "$campaign", "$title", "$kind", "$channel", "$starts", "$ends", "$status", "$highlight", "$now");
        await using var insertUnit = Command(connection, transaction, "INSERT INTO EventUnits (EventId, UnitId) VALUES ($event, $unit)", "$event", "$unit");
        await using var insertFigure = Command(connection, transaction,
            """
            INSERT INTO MetricValues (CampaignId, MetricDefinitionId, EventId, UnitId, Date, Value, UpdatedAt, Version)
            VALUES ($campaign, $metric, $event, $unit, $date, $value, $now, 1)
            """,
            "$campaign", "$metric", "$event", "$unit", "$date", "$value", "$now");
        var now = DateTime.UtcNow;
        insertEvent.Parameters["$now"].Value = now;
        insertFigure.Parameters["$now"].Value = now;
        var events = 0;
        long figures = 0;
        for (var c = 0; c < Campaigns; c++)
        {
            var first = new DateOnly(FirstYear + c, 1, 1);
            var days = DateTime.IsLeapYear(FirstYear + c) ? 366 : 365;
            for (var n = 0; n < EventsPerCampaign; n++)
            {
                var kind = Pick(Kinds, k => k.Weight, random).Kind;
                var startsAt = first.AddDays(random.Next(days)).ToDateTime(new TimeOnly(random.Next(8, 21), random.Next(2) * 30));
                Set(insertEvent, "$campaign", campaignIds[c]);
                Set(insertEvent, "$title", $"{Codes<EventKind>.Of(kind)} · 第{n + 1}场");
                Set(insertEvent, "$kind", Codes<EventKind>.Of(kind));
                Set(insertEvent, "$channel", Codes<EventChannel>.Of(random.Next(100) < 35 ? EventChannel.Online : EventChannel.Offline));
                Set(insertEvent, "$starts", startsAt);
                Set(insertEvent, "$ends", startsAt.AddHours(2));
                Set(insertEvent, "$status", Codes<EventStatus>.Of(Pick(Statuses, s => s.Weight, random).Status));
                Set(insertEvent, "$highlight", random.Next(1000) < 5);
                var id = Convert.ToInt32(await insertEvent.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
                events++;

                var unit = random.Next(UnitCount);
                Set(insertUnit, "$event", id);
                Set(insertUnit, "$unit", unitIds[unit]);
                await insertUnit.ExecuteNonQueryAsync();
                if (random.Next(10) == 0)
                {
                    Set(insertUnit, "$unit", unitIds[(unit + 1 + random.Next(UnitCount - 1)) % UnitCount]);
                    await insertUnit.ExecuteNonQueryAsync();
                }

                // Ten distinct metrics: a run of consecutive catalogue entries from a random one.
                var from = random.Next(metricIds.Length);
                Set(insertFigure, "$campaign", campaignIds[c]);
                Set(insertFigure, "$event", id);
                Set(insertFigure, "$unit", null);
                Set(insertFigure, "$date", DateOnly.FromDateTime(startsAt));
                for (var m = 0; m < FiguresPerEvent; m++)
                {
                    Set(insertFigure, "$metric", metricIds[(from + m) % metricIds.Length]);
                    Set(insertFigure, "$value", (double)random.Next(1, 501));
                    await insertFigure.ExecuteNonQueryAsync();
                    figures++;
                }
            }

            // A year of daily WeChat reach per unit: figures of no single event.
            Set(insertFigure, "$campaign", campaignIds[c]);
            Set(insertFigure, "$event", null);
            Set(insertFigure, "$metric", wechatId);
            for (var u = 0; u < UnitCount; u++)
            {
                for (var day = 0; day < days; day += 7)
                {
                    Set(insertFigure, "$unit", unitIds[u]);
                    Set(insertFigure, "$date", first.AddDays(day));
                    Set(insertFigure, "$value", (double)random.Next(10, 400));
                    await insertFigure.ExecuteNonQueryAsync();
                    figures++;
                }
            }
        }

        await transaction.CommitAsync();
        return (programmeId, campaignIds, events, figures);
    }

    private static T Pick<T>(T[] items, Func<T, int> weight, Random random)
    {
        var roll = random.Next(items.Sum(weight));
        foreach (var item in items)
        {
            roll -= weight(item);
            if (roll < 0)
            {
                return item;
            }
        }

        return items[^1];
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }

    private static void Set(SqliteCommand command, string name, object? value) => command.Parameters[name].Value = value ?? DBNull.Value;
}
