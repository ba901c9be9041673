using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignHub.Benchmarks;

/// <summary>
/// Fills a migrated database with a realistic large load: ~100 campaigns over ten years, 25 units, events of
/// every kind, channel and status (a tenth of them joint), and their figures. The small reference rows go through
/// the app's DbContext; events and figures go in with prepared ADO.NET commands in one transaction, which is fast.
/// One campaign is a single prevention week with exactly <c>weekEvents</c> events, all held.
/// </summary>
internal static class BulkSeeder
{
    private const int UnitCount = 25;
    private const int CampaignCount = 100;
    private static readonly DateOnly WeekStart = new(2025, 4, 15);

    // Kinds as a busy association logs them: lectures and clinics first, ceremonies and awards rarely.
    private static readonly (EventKind Kind, int Weight, string Title)[] Kinds =
    [
        (EventKind.Lecture, 25, "科普讲座"), (EventKind.FreeClinic, 20, "义诊咨询"), (EventKind.PatientExchange, 15, "患者交流会"),
        (EventKind.MediaInterview, 12, "媒体访谈"), (EventKind.Screening, 6, "公益筛查"), (EventKind.Training, 4, "培训班"),
        (EventKind.MaterialDistribution, 4, "资料宣传"), (EventKind.VolunteerService, 4, "志愿者服务"), (EventKind.Broadcast, 3, "广播电视节目"),
        (EventKind.Conference, 3, "学术会议"), (EventKind.LaunchCeremony, 1, "启动仪式"), (EventKind.Performance, 1, "文艺表演"),
        (EventKind.Award, 1, "表彰"), (EventKind.Other, 1, "活动"),
    ];

    private static readonly (EventStatus Status, int Weight)[] Statuses =
        [(EventStatus.Held, 80), (EventStatus.Confirmed, 8), (EventStatus.Planned, 8), (EventStatus.Cancelled, 4)];

    public static async Task<SeededData> SeedAsync(IServiceProvider services, int eventCount, int figureCount, int weekEvents)
    {
        var random = new Random(20210415);
        var factory = services.GetRequiredService<IDbContextFactory<CampaignHubDbContext>>();
        var reference = await SeedReferenceRowsAsync(factory, random);
        var connectionString = services.GetRequiredService<DatabaseSettings>().ConnectionString;

        // Events per campaign: the week gets exactly weekEvents, the others share the rest unevenly.
        var sizes = new int[CampaignCount];
        sizes[0] = weekEvents;
        var weights = Enumerable.Range(1, CampaignCount - 1).Select(_ => random.Next(300, 1701)).ToArray();
        var rest = eventCount - weekEvents;
        for (var i = 1; i < CampaignCount; i++)
        {
            sizes[i] = (int)((long)rest * weights[i - 1] / weights.Sum());
        }

        sizes[1] += eventCount - sizes.Sum();

        // Campaign-level entries (a week's WeChat and Douyin reach per unit and day) count among the figures.
        var entries = UnitCount * 7 * 2;
        var perEvent = FiguresPerEvent(eventCount, figureCount - entries, reference.MetricIds.Length, random);

        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var insertEvent = Command(connection, transaction,
            """
            INSERT INTO Events (Id, CampaignId, Title, Kind, Channel, Platform, StartsAt, EndsAt, VenueId, HostOrganisationId, Location,
                                Status, Highlight, CreatedAt, UpdatedAt, Version, CalendarSequence)
            VALUES ($id, $campaign, $title, $kind, $channel, $platform, $starts, $ends, $venue, $host, $location, $status, $highlight, $now, $now, 1, 0)
            """,
            "$id", "$campaign", "$title", "$kind", "$channel", "$platform", "$starts", "$ends", "$venue", "$host", "$location", "$status", "$highlight", "$now");
        await using var insertUnit = Command(connection, transaction,
            "INSERT INTO EventUnits (EventId, UnitId) VALUES ($event, $unit)", "$event", "$unit");
        await using var insertFigure = Command(connection, transaction,
            """
            INSERT INTO MetricValues (CampaignId, MetricDefinitionId, EventId, UnitId, Date, Value, UpdatedAt, Version)
            VALUES ($campaign, $metric, $event, $unit, $date, $value, $now, 1)
            """,
            "$campaign", "$metric", "$event", "$unit", "$date", "$value", "$now");

        var now = DateTime.UtcNow;
        insertEvent.Parameters["$now"].Value = now;
        insertFigure.Parameters["$now"].Value = now;
        long figures = 0;
        var id = 0;
        for (var c = 0; c < CampaignCount; c++)
        {
            var (campaignId, start, end) = reference.Campaigns[c];
            var days = end.DayNumber - start.DayNumber + 1;
            for (var n = 0; n < sizes[c]; n++)
            {
                id++;
                var kind = Pick(Kinds, k => k.Weight, random);
                var online = random.Next(100) < 35;
                var startsAt = start.AddDays(random.Next(days)).ToDateTime(new TimeOnly(random.Next(8, 21), random.Next(2) * 30));
                Set(insertEvent, "$id", id);
                Set(insertEvent, "$campaign", campaignId);
                Set(insertEvent, "$title", $"{kind.Title} · 第{n + 1}场");
                Set(insertEvent, "$kind", Codes<EventKind>.Of(kind.Kind));
                Set(insertEvent, "$channel", Codes<EventChannel>.Of(online ? EventChannel.Online : EventChannel.Offline));
                Set(insertEvent, "$platform", online ? Codes<OnlinePlatform>.Of((OnlinePlatform)random.Next(5)) : null);
                Set(insertEvent, "$starts", startsAt);
                Set(insertEvent, "$ends", startsAt.AddHours(random.Next(1, 4)));
                var place = online ? 3 : random.Next(3);
                var venue = place == 0 ? reference.Venues[random.Next(reference.Venues.Length)] : default;
                Set(insertEvent, "$venue", place == 0 ? venue.VenueId : null);
                Set(insertEvent, "$host", place == 0 ? venue.OrganisationId : place == 1 ? reference.OrganisationIds[random.Next(reference.OrganisationIds.Length)] : null);
                Set(insertEvent, "$location", place == 2 ? $"太原市第{random.Next(1, 60)}社区" : null);
                // The week is over and everything in it was held; elsewhere statuses vary.
                Set(insertEvent, "$status", Codes<EventStatus>.Of(c == 0 ? EventStatus.Held : Pick(Statuses, s => s.Weight, random).Status));
                Set(insertEvent, "$highlight", random.Next(100) < 2);
                await insertEvent.ExecuteNonQueryAsync();

                var unit = random.Next(UnitCount);
                Set(insertUnit, "$event", id);
                Set(insertUnit, "$unit", reference.UnitIds[unit]);
                await insertUnit.ExecuteNonQueryAsync();
                if (random.Next(10) == 0)
                {
                    Set(insertUnit, "$unit", reference.UnitIds[(unit + 1 + random.Next(UnitCount - 1)) % UnitCount]);
                    await insertUnit.ExecuteNonQueryAsync();
                }

                // Distinct metrics for the event: a run of consecutive catalogue entries from a random one.
                var first = random.Next(reference.MetricIds.Length);
                Set(insertFigure, "$campaign", campaignId);
                Set(insertFigure, "$event", id);
                Set(insertFigure, "$unit", null);
                Set(insertFigure, "$date", DateOnly.FromDateTime(startsAt));
                for (var m = 0; m < perEvent[id - 1]; m++)
                {
                    Set(insertFigure, "$metric", reference.MetricIds[(first + m) % reference.MetricIds.Length]);
                    Set(insertFigure, "$value", (double)random.Next(1, 501));
                    await insertFigure.ExecuteNonQueryAsync();
                    figures++;
                }
            }
        }

        var week = reference.Campaigns[0];
        Set(insertFigure, "$campaign", week.Id);
        Set(insertFigure, "$event", null);
        foreach (var metric in new[] { reference.WechatId, reference.DouyinId })
        {
            for (var unit = 0; unit < UnitCount; unit++)
            {
                for (var day = 0; day < 7; day++)
                {
                    Set(insertFigure, "$metric", metric);
                    Set(insertFigure, "$unit", reference.UnitIds[unit]);
                    Set(insertFigure, "$date", week.Start.AddDays(day));
                    Set(insertFigure, "$value", (double)random.Next(10, 400));
                    await insertFigure.ExecuteNonQueryAsync();
                    figures++;
                }
            }
        }

        await transaction.CommitAsync();
        var busiest = Enumerable.Range(1, CampaignCount - 1).MaxBy(i => sizes[i]);
        return new SeededData(id, figures, week.Id, week.Start, week.End, reference.Campaigns[busiest].Id, reference.UnitIds[6],
            new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 31));
    }

    private sealed record ReferenceRows(
        int[] UnitIds,
        int[] OrganisationIds,
        (int VenueId, int OrganisationId)[] Venues,
        (int Id, DateOnly Start, DateOnly End)[] Campaigns,
        int[] MetricIds,
        int WechatId,
        int DouyinId);

    /// <summary>Units, partner organisations with venues, and campaigns, through the app's own DbContext.</summary>
    private static async Task<ReferenceRows> SeedReferenceRowsAsync(IDbContextFactory<CampaignHubDbContext> factory, Random random)
    {
        await using var db = await factory.CreateDbContextAsync();
        var units = Enumerable.Range(1, UnitCount).Select(i => new Unit { Name = $"第{i:00}专委会", NameEn = $"Unit {i:00}" }).ToList();
        var organisations = Enumerable.Range(1, 20).Select(i => new Organisation
        {
            Name = $"合作医院{i:00}",
            Kind = OrganisationKind.Hospital,
            Venues = [new Venue { Name = "门诊大厅" }, new Venue { Name = "学术报告厅" }],
        }).ToList();
        db.Units.AddRange(units);
        db.Organisations.AddRange(organisations);

        var campaigns = new List<Campaign>
        {
            new() { Name = "2025 全国肿瘤防治宣传周", StartDate = WeekStart, EndDate = WeekStart.AddDays(6) },
        };
        for (var i = 1; i < CampaignCount; i++)
        {
            var start = new DateOnly(2016, 1, 1).AddDays(random.Next(3800));
            var length = random.Next(10) switch
            {
                < 3 => 7,
                < 7 => random.Next(30, 92),
                _ => random.Next(92, 366),
            };
            campaigns.Add(new Campaign { Name = $"宣传项目 {i:000}", StartDate = start, EndDate = start.AddDays(length - 1) });
        }

        foreach (var campaign in campaigns)
        {
            campaign.Units = units.Select(c => new CampaignUnit { Unit = c }).ToList();
        }

        db.Campaigns.AddRange(campaigns);
        await db.SaveChangesAsync();
        var metrics = await db.MetricDefinitions.OrderBy(m => m.SortOrder).Select(m => new { m.Id, m.Code }).ToListAsync();
        return new ReferenceRows(
            units.Select(c => c.Id).ToArray(),
            organisations.Select(o => o.Id).ToArray(),
            organisations.SelectMany(o => o.Venues.Select(v => (v.Id, o.Id))).ToArray(),
            campaigns.Select(c => (c.Id, c.StartDate, c.EndDate)).ToArray(),
            metrics.Select(m => m.Id).ToArray(),
            metrics.Single(m => m.Code == "reach_wechat").Id,
            metrics.Single(m => m.Code == "reach_douyin").Id);
    }

    /// <summary>6 to 14 figures per event, nudged so that they add up to exactly <paramref name="total"/>.</summary>
    private static int[] FiguresPerEvent(int events, int total, int metricCount, Random random)
    {
        var counts = Enumerable.Range(0, events).Select(_ => random.Next(6, 15)).ToArray();
        var difference = total - counts.Sum();
        for (var i = 0; difference != 0; i = (i + 1) % events)
        {
            var step = Math.Sign(difference);
            if (counts[i] + step is >= 1 and var next && next <= metricCount)
            {
                counts[i] = next;
                difference -= step;
            }
        }

        return counts;
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
