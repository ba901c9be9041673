using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CampaignHub.FunctionalTests.Data;

/// <summary>
/// A database from before forms, outcome kinds and the funnel keeps its campaigns, organisers and outcome rates,
/// read as they were meant (a Chinese prevention week, organisers, measured rates), and its catalogue gains the funnel's
/// new metrics beside the ones an admin may have moved.
/// </summary>
public sealed class CampaignFormsOutcomesAwardsAndFunnelMigrationTests : IDisposable
{
    private readonly string file = Path.Combine(Path.GetTempPath(), $"campaignhub-funnel-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task An_existing_campaign_and_catalogue_come_through_with_their_data_and_the_funnel_metrics_added()
    {
        await using (var db = Context())
        {
            var migrations = db.Database.GetMigrations().ToList();
            var before = migrations[migrations.FindIndex(m => m.EndsWith("_CampaignFormsOutcomesAwardsAndFunnel", StringComparison.Ordinal)) - 1];
            await db.GetService<IMigrator>().MigrateAsync(before);
        }

        await using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            await connection.OpenAsync();
            await ExecuteAsync(connection, """
                INSERT INTO MetricDefinitions (Id, Code, Name, NameEn, Unit, UnitEn, "Group", SortOrder, IsActive, IsCount, Version)
                VALUES (1, 'screened', '筛查人数', 'People screened', '人', 'people', 'screening', 500, 1, 1, 3),
                       (2, 'referred', '需进一步诊治人数', 'People referred for follow-up', '人', 'people', 'screening', 600, 1, 1, 1);
                INSERT INTO Organisations (Id, Name, Kind, Version) VALUES (4, '山西省抗癌协会', 'association', 1);
                INSERT INTO Campaigns (Id, Name, StartDate, EndDate, Version) VALUES (3, '宣传周', '2021-04-15', '2021-04-21', 2);
                INSERT INTO CampaignOrganiser (CampaignId, OrganisationId, SortOrder) VALUES (3, 4, 0);
                INSERT INTO CampaignOutcome (Id, CampaignId, Name, RatePercent, Note) VALUES (8, 3, '一个月戒烟率', '47.8', '17326人');
                """);
        }

        await using (var db = Context())
        {
            await db.Database.MigrateAsync();

            var campaign = await db.Campaigns.Include(c => c.Organisers).Include(c => c.Outcomes).SingleAsync();
            (campaign.Form, campaign.ReportLanguage, campaign.Version).ShouldBe((CampaignForm.PreventionWeek, "zh-CN", 2L));
            campaign.Organisers.Single().Role.ShouldBe(OrganiserRole.Organiser);
            var outcome = campaign.Outcomes.Single();
            (outcome.Kind, outcome.Bound, outcome.RatePercent, outcome.Note).ShouldBe((OutcomeKind.Measured, OutcomeBound.Exact, 47.8m, "17326人"));

            var catalogue = await db.MetricDefinitions.Include(m => m.AppliesTo).OrderBy(m => m.SortOrder).ToListAsync();
            catalogue.Select(m => (m.Code, m.SortOrder, m.FunnelStep)).ShouldBe(
            [
                ("invited", 495, 10), ("screened", 500, 20), ("positive", 505, 30), ("referred", 600, 40), ("diagnosed_early", 605, 50),
            ]);
            catalogue.Single(m => m.Code == "invited").AppliesTo.Select(a => a.Kind).ShouldBe([EventKind.Screening]);
            catalogue.Single(m => m.Code == "screened").Version.ShouldBe(3);
        }
    }

    [Fact]
    public async Task A_new_database_gets_the_whole_catalogue_from_the_seeder_with_the_funnel_in_order()
    {
        await using var db = Context();
        await db.Database.MigrateAsync();

        // The migration adds nothing to an empty catalogue: the seeder brings it whole.
        (await db.MetricDefinitions.CountAsync()).ShouldBe(0);
        db.MetricDefinitions.AddRange(CampaignHub.Web.Features.Metrics.MetricCatalogue.Starting());
        await db.SaveChangesAsync();
        (await db.MetricDefinitions.Where(m => m.FunnelStep != null).OrderBy(m => m.FunnelStep).Select(m => m.Code).ToListAsync())
            .ShouldBe(["invited", "screened", "positive", "referred", "diagnosed_early"]);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(file);
    }

    private SqliteCampaignHubDbContext Context() =>
        new(new DbContextOptionsBuilder<SqliteCampaignHubDbContext>().UseSqlite($"Data Source={file};Pooling=False").Options, SaveRules.ForSystemWork());

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
