using CampaignHub.Web.Features.Metrics;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CampaignHub.Web.Data.Migrations;

/// <summary>
/// The data step of the FigureRulesNotificationsAndEnglishSections migration, shared by both providers: a catalogue seeded before metric rules
/// existed gets the screening funnel's starting relations (positive, referred and diagnosed early at most screened),
/// the same ones a new database is seeded with, unless an admin set one already. Existing figures are counted, not
/// estimated (the new column's default).
/// </summary>
internal static class FigureQualitySteps
{
    public static void AddStartingRelations(MigrationBuilder migrationBuilder)
    {
        foreach (var (code, atMost) in MetricCatalogue.StartingRelations)
        {
            migrationBuilder.Sql(
                $"UPDATE \"MetricDefinitions\" SET \"AtMostCode\" = '{atMost}' WHERE \"Code\" = '{code}' AND \"AtMostCode\" IS NULL " +
                $"AND EXISTS (SELECT 1 FROM \"MetricDefinitions\" m WHERE m.\"Code\" = '{atMost}');");
        }
    }
}
