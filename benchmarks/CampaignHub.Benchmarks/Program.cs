using System.Diagnostics;
using System.Globalization;
using CampaignHub.Benchmarks;
using CampaignHub.Web.Data;
using CampaignHub.Web.Features.Events;
using CampaignHub.Web.Features.Spreadsheets;
using CampaignHub.Web.Features.Totals;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

// The issue-3 benchmark: 100,000 events and 1,000,000 figure values in SQLite; the event list's first page with a
// filter and the totals of a one-week campaign of 1,000 events, timed through the app's own services.
// Usage: CampaignHub.Benchmarks [--runs 5] [--events 100000] [--figures 1000000] [--analyze] [--keep]
//        CampaignHub.Benchmarks --report [--runs 5]   (issue 10: the summary report PDF and .docx through the HTTP API)
//        CampaignHub.Benchmarks --programme [--runs 5] [--keep]   (issue 11: totals and a programme's roll-up over 100,000 events)
//        CampaignHub.Benchmarks --cycle [--runs 5] [--keep]   (issue 12: the completeness board of 200 units × 52 weeks)
//        CampaignHub.Benchmarks --hostile-hosting --url URL --app-dir DIR --db FILE --app-pid PID   (issue 13: a running instance)
// --analyze runs SQLite's ANALYZE after seeding (the app itself never does), to see what statistics would change.
if (args.Contains("--hostile-hosting"))
{
    return await HostileHostingProbe.RunAsync(args);
}

var runs = Option("--runs", 5);
if (args.Contains("--load"))
{
    // The issue-14 benchmark: API reads under load with hey, on SQLite or (--postgres SERVER) PostgreSQL (LoadBenchmark).
    return await LoadBenchmark.RunAsync(args);
}

if (args.Contains("--report"))
{
    // The issue-10 benchmark: the Shanxi demo report and a 1,000- and a 10,000-event week through the real app's
    // HTTP API, beside a bare Chromium print of the same HTML (ReportApiBenchmark).
    return await ReportApiBenchmark.RunAsync(runs);
}

if (args.Contains("--programme"))
{
    // The issue-11 benchmark: totals and the programme roll-up for 5 yearly campaigns with 100,000 events (ProgrammeBenchmark).
    return await ProgrammeBenchmark.RunAsync(runs, args.Contains("--keep"));
}

if (args.Contains("--cycle"))
{
    return await CycleBenchmark.RunAsync(runs, args.Contains("--keep"));
}

var eventCount = Option("--events", 100_000);
var figureCount = Option("--figures", 1_000_000);
const int WeekEvents = 1_000;
var keep = args.Contains("--keep");
var analyze = args.Contains("--analyze");

var work = Path.Combine(Path.GetTempPath(), "campaignhub-bench", Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(work);
var databaseFile = Path.Combine(work, "campaignhub.db");
try
{
    using var host = await BenchmarkHost.StartAsync(databaseFile);
    var connectionString = host.Services.GetRequiredService<DatabaseSettings>().ConnectionString;

    var seeding = Stopwatch.StartNew();
    var data = await BulkSeeder.SeedAsync(host.Services, eventCount, figureCount, WeekEvents);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"Seeded {data.Events:N0} events and {data.Figures:N0} figure values into {databaseFile} in {seeding.Elapsed.TotalSeconds:0.0} s ({new FileInfo(databaseFile).Length / 1048576.0:0} MiB)."));
    // The rows went in past the save path: their tallies are counted as an upgraded database's first start does.
    var counting = Stopwatch.StartNew();
    await using (var db = await host.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<CampaignHubDbContext>>().CreateDbContextAsync())
    {
        await CampaignHub.Web.Data.Tallies.TallyKeeper.CountIfMissingAsync(db, CancellationToken.None);
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Counted the event and figure tallies in {counting.Elapsed.TotalSeconds:0.0} s."));

    await using (var connection = new SqliteConnection(connectionString))
    {
        await connection.OpenAsync();
        Console.WriteLine($"SQLite {connection.ServerVersion}, .NET {Environment.Version}, {Environment.ProcessorCount} cores.");
        if (analyze)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "ANALYZE";
            await command.ExecuteNonQueryAsync();
            Console.WriteLine("Ran ANALYZE: the query planner has table statistics.");
        }
    }

    await using var scope = host.Services.CreateAsyncScope();
    var events = scope.ServiceProvider.GetRequiredService<EventService>();
    var totals = scope.ServiceProvider.GetRequiredService<TotalsService>();
    var byCampaignAndKind = new EventQuery { CampaignId = data.BusyCampaignId, Kind = "lecture", SortBy = "start", PageSize = 25 };
    var byUnitAndPeriod = new EventQuery { UnitId = data.UnitId, From = data.From, To = data.To, SortBy = "start", PageSize = 25 };
    var week = new TotalsQuery(data.WeekCampaignId, data.WeekStart, data.WeekEnd);

    // What each measure returns, so a fast figure cannot come from an empty result.
    var first = await events.ListAsync(byCampaignAndKind);
    var second = await events.ListAsync(byUnitAndPeriod);
    var weekTotals = await totals.GetAsync(week);
    Console.WriteLine($"(a1) campaign {data.BusyCampaignId} + lecture: {first.TotalCount} matches, page of {first.Items.Count}");
    Console.WriteLine($"(a2) unit {data.UnitId} + {data.From:yyyy-MM-dd}..{data.To:yyyy-MM-dd}: {second.TotalCount} matches, page of {second.Items.Count}");
    Console.WriteLine($"(b) week campaign {data.WeekCampaignId}: {weekTotals.EventCount} events, {weekTotals.Metrics.Count} metrics, " +
                      $"patients_benefited {weekTotals.Metrics.GetValueOrDefault("patients_benefited")}");
    if (weekTotals.EventCount != WeekEvents)
    {
        throw new InvalidOperationException($"The week campaign should count {WeekEvents} events, not {weekTotals.EventCount}.");
    }

    // The SQL the services send, and how SQLite runs it.
    Console.WriteLine();
    Console.WriteLine("## Query plans");
    var problems = new List<string>();
    using (var capture = CommandCapture.Start())
    {
        capture.Enabled = true;
        await events.ListAsync(byCampaignAndKind);
        problems.AddRange(await QueryPlans.PrintAsync(connectionString, "(a1) event list: campaign + kind, by start", capture.Take(), Console.Out));
        await events.ListAsync(byUnitAndPeriod);
        problems.AddRange(await QueryPlans.PrintAsync(connectionString, "(a2) event list: unit + date range, by start", capture.Take(), Console.Out));
        await totals.GetAsync(week);
        problems.AddRange(await QueryPlans.PrintAsync(connectionString, "(b) totals of the 1,000-event week", capture.Take(), Console.Out));
    }

    Console.WriteLine(problems.Count == 0
        ? "Index check: every access to Events, EventUnits and MetricValues is an index search; no automatic indexes."
        : "Index check: these plan steps read a whole large table, or build an index on every run:\n  " + string.Join("\n  ", problems));

    var measurements = new List<Measurement>
    {
        await Measurement.RunAsync("(a1) event list, first page of 25: campaign + kind, by start", runs, () => events.ListAsync(byCampaignAndKind)),
        await Measurement.RunAsync("(a2) event list, first page of 25: unit + one month, by start", runs, () => events.ListAsync(byUnitAndPeriod)),
        await Measurement.RunAsync("(b) totals of the one-week campaign of 1,000 events", runs, () => totals.GetAsync(week)),
    };

    const int ImportRows = 10_000;
    var workbook = ImportBenchmark.Workbook(ImportRows, data.UnitId);
    var importCampaigns = await ImportBenchmark.CampaignsAsync(host.Services, runs + 1, data.UnitId);
    var importer = scope.ServiceProvider.GetRequiredService<SpreadsheetImportService>();
    scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(ImportBenchmark.Admin.AuditActor);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"(c) a {ImportRows:N0}-row XLSX of {workbook.Length / 1024.0:0} KiB, imported by an admin into a fresh campaign each run"));
    measurements.Add(await Measurement.RunAsync($"(c) importing a {ImportRows:N0}-row XLSX (events, units, 5 figures each; all or nothing, audited)", runs,
        () => ImportBenchmark.ImportAsync(importer, importCampaigns.Dequeue(), workbook, ImportRows)));
    measurements.AddRange(await ScheduleBenchmark.RunAsync(host.Services, connectionString, data, runs));

    Console.WriteLine();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"## Results ({data.Events:N0} events, {data.Figures:N0} figure values; {runs} runs after one warm-up)"));
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

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}
