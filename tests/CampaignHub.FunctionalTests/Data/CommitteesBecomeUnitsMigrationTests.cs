using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Reports.Drafts;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CampaignHub.FunctionalTests.Data;

/// <summary>
/// A database written while units were committees keeps every committee, coordinator link, event link, calendar feed,
/// report draft and audit row when it is migrated: the tables are renamed, never dropped and created anew.
/// </summary>
public sealed class CommitteesBecomeUnitsMigrationTests : IDisposable
{
    private readonly string file = Path.Combine(Path.GetTempPath(), $"campaignhub-units-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task A_database_of_committees_keeps_all_its_data_as_units_after_the_migration()
    {
        await using (var db = Context())
        {
            var migrations = db.Database.GetMigrations().ToList();
            var before = migrations[migrations.FindIndex(m => m.EndsWith("_CommitteesBecomeUnits", StringComparison.Ordinal)) - 1];
            await db.GetService<IMigrator>().MigrateAsync(before);
        }

        await using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            await connection.OpenAsync();
            await InsertAsync(connection, "AspNetUsers", new() { ["Id"] = "u1", ["Email"] = "coordinator@example.org" });
            await InsertAsync(connection, "Committees", new() { ["Id"] = 7, ["Name"] = "乳腺癌专委会", ["NameEn"] = "Breast Cancer Committee" });
            await InsertAsync(connection, "CommitteeCoordinators", new() { ["CommitteeId"] = 7, ["UserId"] = "u1" });
            await InsertAsync(connection, "Campaigns", new() { ["Id"] = 3, ["Name"] = "宣传周", ["StartDate"] = "2021-04-15", ["EndDate"] = "2021-04-21" });
            await InsertAsync(connection, "CampaignCommittee", new() { ["CampaignId"] = 3, ["CommitteeId"] = 7 });
            await InsertAsync(connection, "Events", new()
            {
                ["Id"] = 11, ["CampaignId"] = 3, ["Title"] = "义诊", ["Kind"] = "free_clinic", ["Channel"] = "offline", ["Status"] = "held",
                ["StartsAt"] = "2021-04-15 09:00:00", ["EndsAt"] = "2021-04-15 11:00:00",
            });
            await InsertAsync(connection, "EventCommittees", new() { ["EventId"] = 11, ["CommitteeId"] = 7 });
            await InsertAsync(connection, "CalendarFeeds", new() { ["UserId"] = "u1", ["Scope"] = "committee", ["CommitteeId"] = 7, ["TokenHash"] = "h" });
            await InsertAsync(connection, "ReportDrafts", new()
            {
                ["CampaignId"] = 3, ["CommitteeId"] = 7, ["From"] = "2021-04-15", ["To"] = "2021-04-21", ["Language"] = "zh-CN",
                ["Blocks"] = """[{"kind":"committees","text":"{committees}个专委会，乳腺癌专委会{committee:7:events}场"}]""",
                ["EditedAgainst"] = """{"committee:7:events":1,"committees":1}""",
            });
            await InsertAsync(connection, "AuditEntries", new()
            {
                ["EntityType"] = "EventCommittee", ["EntityId"] = "11/7", ["Action"] = "Added", ["Changes"] = """{"CommitteeId":{"new":7}}""",
            });
        }

        await using (var db = Context())
        {
            await db.Database.MigrateAsync();

            var unit = await db.Units.Include(u => u.Coordinators).SingleAsync();
            (unit.Id, unit.Name, unit.NameEn, unit.Kind).ShouldBe((7, "乳腺癌专委会", "Breast Cancer Committee", UnitKind.Committee));
            unit.Coordinators.Single().UserId.ShouldBe("u1");
            (await db.Campaigns.Include(c => c.Units).SingleAsync()).Units.Single().UnitId.ShouldBe(7);
            (await db.Events.Include(e => e.Units).SingleAsync()).Units.Single().UnitId.ShouldBe(7);
            var feed = await db.CalendarFeeds.SingleAsync();
            (feed.Scope, feed.UnitId).ShouldBe((CalendarFeedScope.Unit, 7));

            var draft = await db.ReportDrafts.SingleAsync();
            draft.UnitId.ShouldBe(7);
            var block = ReportDraftJson.Read(draft.Blocks).Single();
            block.Kind.ShouldBe(ReportDraftBlockKind.Units);
            block.Text.ShouldBe("{units}个专委会，乳腺癌专委会{unit:7:events}场");
            ReportDraftJson.ReadFigures(draft.EditedAgainst).Keys.Order().ShouldBe(["unit:7:events", "units"]);

            var audit = await db.AuditEntries.SingleAsync();
            (audit.EntityType, audit.Changes).ShouldBe((nameof(EventUnit), """{"UnitId":{"new":7}}"""));
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(file);
    }

    private SqliteCampaignHubDbContext Context() =>
        new(new DbContextOptionsBuilder<SqliteCampaignHubDbContext>().UseSqlite($"Data Source={file};Pooling=False").Options, SaveRules.ForSystemWork());

    /// <summary>Inserts a row of the old schema; columns it must have and the test does not care about get a plain value.</summary>
    private static async Task InsertAsync(SqliteConnection connection, string table, Dictionary<string, object> values)
    {
        await using (var info = connection.CreateCommand())
        {
            info.CommandText = $"SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info('{table}')";
            await using var reader = await info.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var (name, type, required, hasDefault, key) = (reader.GetString(0), reader.GetString(1), reader.GetInt64(2) == 1, !reader.IsDBNull(3), reader.GetInt64(4) > 0);
                if (required && !hasDefault && !values.ContainsKey(name) && !(key && type == "INTEGER"))
                {
                    values[name] = type == "INTEGER" ? 0 : type == "REAL" ? 0.0 : name.EndsWith("At", StringComparison.Ordinal) ? "2021-04-01 00:00:00" : "x";
                }
            }
        }

        await using var insert = connection.CreateCommand();
        insert.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", values.Keys.Select(k => $"\"{k}\""))}) VALUES ({string.Join(", ", values.Keys.Select((_, i) => $"$p{i}"))})";
        foreach (var (value, i) in values.Values.Select((v, i) => (v, i)))
        {
            insert.Parameters.AddWithValue($"$p{i}", value);
        }

        await insert.ExecuteNonQueryAsync();
    }
}
