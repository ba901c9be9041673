using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Metrics;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CampaignHub.Web.Data.Migrations;

/// <summary>
/// The data steps of the CampaignFormsOutcomesAwardsAndFunnel migration, shared by both providers: a catalogue seeded
/// before the screening funnel existed gets its new metrics (invited, positive, diagnosed early) beside screened and
/// referred, with the same names, units and event kinds a new database is seeded with, and the funnel's steps on
/// the metrics it already has. A new database has no catalogue yet: the seeder brings the whole of it.
/// </summary>
internal static class CampaignFormsOutcomesAwardsAndFunnelSteps
{
    public static void AddFunnel(MigrationBuilder migrationBuilder)
    {
        var starting = MetricCatalogue.Starting().ToDictionary(m => m.Code);
        foreach (var code in MetricCatalogue.AddedForFunnel)
        {
            var metric = starting[code];
            // Just before (invited) or after (positive, diagnosed early) its neighbour in the funnel, wherever the admin moved it.
            var (neighbour, offset) = code switch
            {
                "invited" => ("screened", -5),
                "positive" => ("screened", 5),
                _ => ("referred", 5),
            };
            migrationBuilder.Sql(
                "INSERT INTO \"MetricDefinitions\" (\"Code\", \"Name\", \"NameEn\", \"Unit\", \"UnitEn\", \"Group\", \"SortOrder\", \"IsActive\", \"IsCount\", \"Version\", \"FunnelStep\") " +
                $"SELECT '{code}', '{metric.Name}', '{metric.NameEn}', '{metric.Unit}', '{metric.UnitEn}', '{Codes<MetricGroup>.Of(metric.Group)}', " +
                $"COALESCE((SELECT MAX(\"SortOrder\") FROM \"MetricDefinitions\" WHERE \"Code\" = '{neighbour}'), {metric.SortOrder}) + {offset}, 1, 1, 1, {MetricCatalogue.StartingFunnel[code]} " +
                $"WHERE EXISTS (SELECT 1 FROM \"MetricDefinitions\") AND NOT EXISTS (SELECT 1 FROM \"MetricDefinitions\" WHERE \"Code\" = '{code}');");
            foreach (var (_, kind) in MetricCatalogue.StartingPairs().Where(p => p.Code == code))
            {
                migrationBuilder.Sql(
                    "INSERT INTO \"MetricApplicabilities\" (\"MetricDefinitionId\", \"Kind\") " +
                    $"SELECT \"Id\", '{Codes<EventKind>.Of(kind)}' FROM \"MetricDefinitions\" WHERE \"Code\" = '{code}' " +
                    $"AND NOT EXISTS (SELECT 1 FROM \"MetricApplicabilities\" a WHERE a.\"MetricDefinitionId\" = \"MetricDefinitions\".\"Id\" AND a.\"Kind\" = '{Codes<EventKind>.Of(kind)}');");
            }
        }

        foreach (var (code, step) in MetricCatalogue.StartingFunnel.Where(f => !MetricCatalogue.AddedForFunnel.Contains(f.Key)))
        {
            migrationBuilder.Sql($"UPDATE \"MetricDefinitions\" SET \"FunnelStep\" = {step} WHERE \"Code\" = '{code}' AND \"FunnelStep\" IS NULL;");
        }
    }

    /// <summary>Rows from before: every campaign a prevention week in Chinese, every outcome a measured rate, every organisation an organiser.</summary>
    public static void FillExistingRows(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql($"UPDATE \"Campaigns\" SET \"Form\" = '{Codes<CampaignForm>.Of(CampaignForm.PreventionWeek)}' WHERE \"Form\" = '';");
        migrationBuilder.Sql($"UPDATE \"Campaigns\" SET \"ReportLanguage\" = '{CampaignLimits.DefaultReportLanguage}' WHERE \"ReportLanguage\" = '';");
        migrationBuilder.Sql($"UPDATE \"CampaignOutcome\" SET \"Kind\" = '{Codes<OutcomeKind>.Of(OutcomeKind.Measured)}' WHERE \"Kind\" = '';");
        migrationBuilder.Sql($"UPDATE \"CampaignOutcome\" SET \"Bound\" = '{Codes<OutcomeBound>.Of(OutcomeBound.Exact)}' WHERE \"Bound\" = '';");
        migrationBuilder.Sql($"UPDATE \"CampaignOrganiser\" SET \"Role\" = '{Codes<OrganiserRole>.Of(OrganiserRole.Organiser)}' WHERE \"Role\" = '';");
    }

    /// <summary>Before going back: a computed outcome had no rate, and the old column has no room for none.</summary>
    public static void BeforeDown(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("UPDATE \"CampaignOutcome\" SET \"RatePercent\" = 0 WHERE \"RatePercent\" IS NULL;");
}
