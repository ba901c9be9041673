using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Api;
using CampaignHub.Web.Features.Common;
using CampaignHub.Web.Features.Reporting;
using CampaignHub.Web.Features.Totals;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignHub.Benchmarks;

/// <summary>
/// Issue 12: the completeness board of a year-long programme of 200 units and 52 weekly periods over 100,000 events
/// (two figures each), with a submission for nine in ten units and weeks in every status, each carrying a snapshot of
/// ten events as a real one does. Measured through the app's services: (f1) the whole board, units × periods, also
/// (f2) with its JSON as the API writes it, (f3) one period's completeness, (f4) one unit's submission page for a week.
/// </summary>
internal static class CycleBenchmark
{
    private const int UnitCount = 200;
    private const int Weeks = 52;
    private const int EventCount = 100_000;
    private static readonly DateOnly Start = new(2025, 1, 6);

    public static async Task<int> RunAsync(int runs, bool keep)
    {
        var work = Path.Combine(Path.GetTempPath(), "campaignhub-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        var databaseFile = Path.Combine(work, "campaignhub.db");
        try
        {
            using var host = await BenchmarkHost.StartAsync(databaseFile);
            var connectionString = host.Services.GetRequiredService<DatabaseSettings>().ConnectionString;
            var admin = new Actor("bench-admin", "admin@bench.local", IsAdmin: true, IsCoordinator: false, new HashSet<int>());

            var seeding = Stopwatch.StartNew();
            var (campaignId, units) = await SeedCampaignAsync(host.Services);
            await using var scope = host.Services.CreateAsyncScope();
            var periods = await scope.ServiceProvider.GetRequiredService<ReportingPeriodService>().GenerateWeeklyAsync(admin, campaignId, new WeeklyPeriodsInput());
            var submissions = await SeedEventsAndSubmissionsAsync(connectionString, campaignId, units, periods);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Seeded {UnitCount} units, {periods.Count} weekly periods, {EventCount:N0} events ({EventCount * 2:N0} figures) and {submissions:N0} submissions " +
                $"into {databaseFile} in {seeding.Elapsed.TotalSeconds:0.0} s ({new FileInfo(databaseFile).Length / 1048576.0:0} MiB)."));

            var completeness = scope.ServiceProvider.GetRequiredService<CompletenessService>();
            var submissionService = scope.ServiceProvider.GetRequiredService<SubmissionService>();
            var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new DateOnlyJsonConverter(), new CodeJsonConverterFactory() } };
            var middle = periods[Weeks / 2];

            var board = await completeness.GetBoardAsync(admin, campaignId);
            var cells = board.Units.Sum(u => u.Cells.Count);
            var bytes = JsonSerializer.SerializeToUtf8Bytes(board, json).Length;
            var period = await completeness.GetPeriodAsync(admin, middle.Id);
            var page = await submissionService.GetAsync(admin, middle.Id, units[7]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"(f1) board: {board.Units.Count} units × {board.Periods.Count} periods = {cells:N0} cells, {board.Periods.Sum(p => p.Submitted):N0} submitted or approved, JSON {bytes / 1024.0:0} KiB"));
            Console.WriteLine($"(f3) {middle.Name}: {period.Submitted} of {period.Total} submitted, {period.Late} late");
            Console.WriteLine($"(f4) unit {units[7]} in {middle.Name}: {page.Events.Count} events, status {Codes<SubmissionStatus>.Of(page.Status)}");
            if (cells != UnitCount * Weeks)
            {
                throw new InvalidOperationException($"The board should have {UnitCount * Weeks} cells, not {cells}.");
            }

            Console.WriteLine();
            Console.WriteLine("## Query plans");
            var problems = new List<string>();
            using (var capture = CommandCapture.Start())
            {
                capture.Enabled = true;
                await completeness.GetBoardAsync(admin, campaignId);
                problems.AddRange(await QueryPlans.PrintAsync(connectionString, "(f1) completeness board", capture.Take(), Console.Out));
                await submissionService.GetAsync(admin, middle.Id, units[7]);
                problems.AddRange(await QueryPlans.PrintAsync(connectionString, "(f4) a unit's submission page for a week", capture.Take(), Console.Out));
            }

            Console.WriteLine(problems.Count == 0
                ? "Index check: the board and the submission page read no large table without an index."
                : "Index check: these plan steps read a whole large table:\n  " + string.Join("\n  ", problems));

            var measurements = new List<Measurement>
            {
                await Measurement.RunAsync($"(f1) completeness board: {UnitCount} units × {Weeks} weekly periods (service)", runs, () => completeness.GetBoardAsync(admin, campaignId)),
                await Measurement.RunAsync("(f2) the same board with its JSON as the API writes it", runs,
                    async () => JsonSerializer.SerializeToUtf8Bytes(await completeness.GetBoardAsync(admin, campaignId), json)),
                await Measurement.RunAsync($"(f3) one period's completeness ({UnitCount} units)", runs, () => completeness.GetPeriodAsync(admin, middle.Id)),
                await Measurement.RunAsync("(f4) one unit's submission page for a week (totals, events, snapshot compared, checklist)", runs,
                    () => submissionService.GetAsync(admin, middle.Id, units[7])),
            };

            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"## Results ({EventCount:N0} events, {UnitCount} units, {Weeks} periods; {runs} runs after one warm-up)"));
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

    /// <summary>The programme (52 weeks from Monday 6 January 2025) and its 200 units, through the app's DbContext.</summary>
    private static async Task<(int CampaignId, int[] Units)> SeedCampaignAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<CampaignHubDbContext>>().CreateDbContextAsync();
        var units = Enumerable.Range(1, UnitCount).Select(i => new Unit
        {
            Name = $"协作单位{i:000}", NameEn = $"Partner site {i:000}", Kind = i % 10 == 0 ? UnitKind.Department : UnitKind.PartnerSite,
        }).ToList();
        db.Units.AddRange(units);
        var campaign = new Campaign
        {
            Name = "县域肿瘤防治项目 2025", StartDate = Start, EndDate = Start.AddDays(Weeks * 7 - 1),
            Units = units.Select(u => new CampaignUnit { Unit = u }).ToList(),
        };
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync();
        return (campaign.Id, units.Select(u => u.Id).ToArray());
    }

    /// <summary>Events, figures and submissions with prepared ADO.NET commands in one transaction.</summary>
    private static async Task<int> SeedEventsAndSubmissionsAsync(string connectionString, int campaignId, int[] units, IReadOnlyList<ReportingPeriodDetails> periods)
    {
        var random = new Random(20250106);
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var metrics = new List<int>();
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT Id FROM MetricDefinitions WHERE Code IN ('patients_benefited', 'staff_medical') ORDER BY Code";
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                metrics.Add(reader.GetInt32(0));
            }
        }

        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var insertEvent = Command(connection, transaction, """
            INSERT INTO Events (CampaignId, Title, Kind, Channel, StartsAt, EndsAt, Status, Highlight, CreatedAt, UpdatedAt, Version, CalendarSequence)
            VALUES ($campaign, '义诊咨询', 'free_clinic', 'offline', $starts, $ends, 'held', 0, $now, $now, 1, 0) RETURNING Id
            """, "$campaign", "$starts", "$ends", "$now");
        var insertUnit = Command(connection, transaction, "INSERT INTO EventUnits (EventId, UnitId) VALUES ($event, $unit)", "$event", "$unit");
        var insertFigure = Command(connection, transaction, """
            INSERT INTO MetricValues (CampaignId, MetricDefinitionId, EventId, Date, Value, UpdatedAt, Version)
            VALUES ($campaign, $metric, $event, $date, $value, $now, 1)
            """, "$campaign", "$metric", "$event", "$date", "$value", "$now");
        var now = DateTime.UtcNow;
        for (var i = 0; i < EventCount; i++)
        {
            var starts = Start.AddDays(random.Next(Weeks * 7)).ToDateTime(new TimeOnly(random.Next(8, 18), 0));
            insertEvent.Parameters["$campaign"].Value = campaignId;
            insertEvent.Parameters["$starts"].Value = starts;
            insertEvent.Parameters["$ends"].Value = starts.AddHours(2);
            insertEvent.Parameters["$now"].Value = now;
            var id = Convert.ToInt32(await insertEvent.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
            insertUnit.Parameters["$event"].Value = id;
            insertUnit.Parameters["$unit"].Value = units[random.Next(units.Length)];
            await insertUnit.ExecuteNonQueryAsync();
            foreach (var metric in metrics)
            {
                insertFigure.Parameters["$campaign"].Value = campaignId;
                insertFigure.Parameters["$metric"].Value = metric;
                insertFigure.Parameters["$event"].Value = id;
                insertFigure.Parameters["$date"].Value = DateOnly.FromDateTime(starts);
                insertFigure.Parameters["$value"].Value = (double)random.Next(1, 300);
                insertFigure.Parameters["$now"].Value = now;
                await insertFigure.ExecuteNonQueryAsync();
            }
        }

        // A snapshot of about the size a unit's week has (ten events with their figures).
        var snapshot = new SubmissionSnapshot(
            new CampaignTotals(10, new Dictionary<string, ChannelCounts> { ["free_clinic"] = new(0, 10) }, new Dictionary<string, decimal> { ["patients_benefited"] = 1500, ["staff_medical"] = 80 }),
            Enumerable.Range(1, 10).Select(n => new SnapshotEvent(n, "义诊咨询", EventKind.FreeClinic, EventChannel.Offline, EventStatus.Held,
                Start.ToDateTime(new TimeOnly(9, 0)), false, 1, new Dictionary<string, decimal> { ["patients_benefited"] = 150, ["staff_medical"] = 8 })).ToList(),
            []).ToJson();
        var insertSubmission = Command(connection, transaction, """
            INSERT INTO UnitSubmissions (CampaignId, ReportingPeriodId, UnitId, Status, FirstSubmittedAt, SubmittedAt, Round, ReviewedAt, UpdatedAt, Version)
            VALUES ($campaign, $period, $unit, $status, $submitted, $submitted, $round, $reviewed, $now, 1) RETURNING Id
            """, "$campaign", "$period", "$unit", "$status", "$submitted", "$round", "$reviewed", "$now");
        var insertFigures = Command(connection, transaction,
            "INSERT INTO UnitSubmissionFigures (SubmissionId, Submitted) VALUES ($submission, $snapshot)", "$submission", "$snapshot");
        var count = 0;
        foreach (var period in periods)
        {
            foreach (var unit in units)
            {
                var roll = random.Next(100);
                SubmissionStatus? status = roll switch
                {
                    < 60 => SubmissionStatus.Approved,
                    < 75 => SubmissionStatus.Submitted,
                    < 80 => SubmissionStatus.Returned,
                    < 85 => SubmissionStatus.Draft,
                    < 90 => SubmissionStatus.Excused,
                    _ => null,
                };
                if (status is not { } s)
                {
                    continue;
                }

                var submitted = s is SubmissionStatus.Draft or SubmissionStatus.Excused ? (DateTime?)null
                    : period.DueDate.AddDays(random.Next(-3, 3)).ToDateTime(new TimeOnly(2, 0));
                insertSubmission.Parameters["$campaign"].Value = campaignId;
                insertSubmission.Parameters["$period"].Value = period.Id;
                insertSubmission.Parameters["$unit"].Value = unit;
                insertSubmission.Parameters["$status"].Value = Codes<SubmissionStatus>.Of(s);
                insertSubmission.Parameters["$submitted"].Value = (object?)submitted ?? DBNull.Value;
                insertSubmission.Parameters["$round"].Value = submitted is null ? 0 : 1;
                insertSubmission.Parameters["$reviewed"].Value = s is SubmissionStatus.Approved or SubmissionStatus.Returned or SubmissionStatus.Excused ? now : DBNull.Value;
                insertSubmission.Parameters["$now"].Value = now;
                var id = Convert.ToInt32(await insertSubmission.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
                if (submitted is not null)
                {
                    insertFigures.Parameters["$submission"].Value = id;
                    insertFigures.Parameters["$snapshot"].Value = snapshot;
                    await insertFigures.ExecuteNonQueryAsync();
                }

                count++;
            }
        }

        await transaction.CommitAsync();
        return count;
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
}
