using System.Diagnostics;
using System.Globalization;
using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Common;
using CampaignHub.Web.Features.Reports;
using CampaignHub.Web.Features.Reports.Summary;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignHub.Benchmarks;

/// <summary>
/// The data of the report benchmark (<see cref="ReportApiBenchmark"/>): one-week campaigns of 1,000 and 10,000 events
/// (held, with figures, 60 highlighted of which the report describes 50), written straight into SQLite, and the peak
/// memory of the Chromium processes the benchmark started, directly or through the app.
/// </summary>
internal static class ReportWeeks
{
    private const int UnitCount = 25;
    private const int Highlighted = 60;
    private static readonly DateOnly WeekStart = new(2025, 4, 15);

    private static readonly EventKind[] Kinds =
    [
        EventKind.Lecture, EventKind.Lecture, EventKind.FreeClinic, EventKind.FreeClinic, EventKind.PatientExchange, EventKind.MediaInterview,
        EventKind.Screening, EventKind.Broadcast, EventKind.Training, EventKind.VolunteerService, EventKind.MaterialDistribution, EventKind.Conference,
    ];

    /// <summary>
    /// One held week of <paramref name="events"/> events: kinds of a busy association, a third online, a tenth joint,
    /// five figures each, <see cref="Highlighted"/> highlighted with a narrative, and each unit's daily media reach.
    /// </summary>
    internal static async Task<int> SeedWeekAsync(IServiceProvider services, int events, Random random)
    {
        var factory = services.GetRequiredService<IDbContextFactory<CampaignHubDbContext>>();
        int campaignId;
        int[] unitIds;
        Dictionary<string, int> metrics;
        await using (var db = await factory.CreateDbContextAsync())
        {
            var units = await db.Units.OrderBy(c => c.Id).ToListAsync();
            if (units.Count == 0)
            {
                units = Enumerable.Range(1, UnitCount).Select(i => new Unit { Name = $"第{i:00}专委会", NameEn = $"Unit {i:00}" }).ToList();
                db.Units.AddRange(units);
            }

            var organiser = await db.Organisations.FirstOrDefaultAsync() ?? new Organisation { Name = "省抗癌协会", Kind = OrganisationKind.Association };
            var campaign = new Campaign
            {
                Name = $"{events}场全国肿瘤防治宣传周", Theme = "点亮癌症之路 助力健康中国", Edition = "第31届",
                StartDate = WeekStart, EndDate = WeekStart.AddDays(6),
                Organisers = [new CampaignOrganiser { Organisation = organiser }],
                Units = units.Select(c => new CampaignUnit { Unit = c }).ToList(),
            };
            db.Campaigns.Add(campaign);
            await db.SaveChangesAsync();
            campaignId = campaign.Id;
            unitIds = units.Select(c => c.Id).ToArray();
            metrics = await db.MetricDefinitions.ToDictionaryAsync(m => m.Code, m => m.Id);
        }

        var connectionString = services.GetRequiredService<DatabaseSettings>().ConnectionString;
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var nextId = await NextEventIdAsync(connection, transaction);
        var now = DateTime.UtcNow;
        string[] figureCodes = ["staff_medical", "volunteers", "brochures", "patients_benefited", "public_benefited", "reach_wechat", "screened"];
        var narrative = string.Concat(Enumerable.Repeat("专委会专家运用线上线下相结合的方式开展癌症预防主题活动，科普讲座、义诊及现场答疑，病友及家属现场咨询气氛热烈。", 4));
        var highlighted = Enumerable.Range(0, events).OrderBy(_ => random.Next()).Take(Highlighted).ToHashSet();
        for (var n = 0; n < events; n++)
        {
            var id = nextId + n;
            var online = random.Next(3) == 0;
            var kind = Kinds[random.Next(Kinds.Length)];
            var startsAt = WeekStart.AddDays(random.Next(7)).ToDateTime(new TimeOnly(random.Next(8, 20), random.Next(2) * 30));
            await ExecuteAsync(connection, transaction,
                """
                INSERT INTO Events (Id, CampaignId, Title, Kind, Channel, Platform, StartsAt, EndsAt, Location, Narrative, Status, Highlight, CreatedAt, UpdatedAt, Version, CalendarSequence)
                VALUES ($id, $campaign, $title, $kind, $channel, $platform, $starts, $ends, $location, $narrative, 'held', $highlight, $now, $now, 1, 0)
                """,
                ("$id", id), ("$campaign", campaignId), ("$title", $"宣传周活动 第{n + 1}场"), ("$kind", Codes<EventKind>.Of(kind)),
                ("$channel", online ? "online" : "offline"), ("$platform", online ? "live_stream" : null), ("$starts", startsAt),
                ("$ends", startsAt.AddHours(2)), ("$location", online ? null : $"太原市第{random.Next(1, 60)}社区"),
                ("$narrative", highlighted.Contains(n) ? narrative : null), ("$highlight", highlighted.Contains(n)), ("$now", now));
            var unit = random.Next(unitIds.Length);
            await ExecuteAsync(connection, transaction, "INSERT INTO EventUnits (EventId, UnitId) VALUES ($event, $unit)",
                ("$event", id), ("$unit", unitIds[unit]));
            if (random.Next(10) == 0)
            {
                await ExecuteAsync(connection, transaction, "INSERT INTO EventUnits (EventId, UnitId) VALUES ($event, $unit)",
                    ("$event", id), ("$unit", unitIds[(unit + 1) % unitIds.Length]));
            }

            foreach (var code in figureCodes.OrderBy(_ => random.Next()).Take(5))
            {
                await InsertFigureAsync(connection, transaction, campaignId, metrics[code], id, null, DateOnly.FromDateTime(startsAt), random.Next(1, 500), now);
            }
        }

        foreach (var unit in unitIds)
        {
            for (var day = 0; day < 7; day++)
            {
                await InsertFigureAsync(connection, transaction, campaignId, metrics["reach_douyin"], null, unit, WeekStart.AddDays(day), random.Next(10, 400), now);
            }
        }

        await transaction.CommitAsync();
        return campaignId;
    }

    private static async Task<int> NextEventIdAsync(SqliteConnection connection, SqliteTransaction transaction)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COALESCE(MAX(Id), 0) + 1 FROM Events";
        return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static Task InsertFigureAsync(SqliteConnection connection, SqliteTransaction transaction, int campaign, int metric, int? eventId, int? unit, DateOnly date, int value, DateTime now) =>
        ExecuteAsync(connection, transaction,
            """
            INSERT INTO MetricValues (CampaignId, MetricDefinitionId, EventId, UnitId, Date, Value, UpdatedAt, Version)
            VALUES ($campaign, $metric, $event, $unit, $date, $value, $now, 1)
            """,
            ("$campaign", campaign), ("$metric", metric), ("$event", eventId), ("$unit", unit), ("$date", date), ("$value", (double)value), ("$now", now));

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The Chromium processes started by this one (its descendants in /proc) and their summed peak resident sets.</summary>
    internal static (int Processes, long PeakKiB) ChromiumPeak(int self)
    {
        if (!Directory.Exists("/proc"))
        {
            return (0, 0);
        }

        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && TryRead(Path.Combine(dir, "stat")) is { } stat)
            {
                // pid (comm) state ppid ...: the command may hold spaces, so read after the last ')'.
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                parents[pid] = int.Parse(fields[1], CultureInfo.InvariantCulture);
            }
        }

        bool Descends(int pid)
        {
            for (var hops = 0; hops < 20 && parents.TryGetValue(pid, out var parent); hops++, pid = parent)
            {
                if (parent == self)
                {
                    return true;
                }
            }

            return false;
        }

        var count = 0;
        long peak = 0;
        foreach (var pid in parents.Keys.Where(Descends))
        {
            var status = TryRead($"/proc/{pid}/status") ?? "";
            if (!status.Contains("chrom", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var line = status.Split('\n').FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            if (line is not null)
            {
                count++;
                peak += long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        return (count, peak);
    }

    private static string? TryRead(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
