using Microsoft.EntityFrameworkCore.Migrations;

namespace CampaignHub.Web.Data.Migrations;

/// <summary>
/// The renames and data updates of the CommitteesBecomeUnits migration, shared by both providers. Written by hand:
/// EF Core's scaffolder saw new tables where the committees' tables were renamed, which would have dropped every
/// committee, coordinator and event link. Stored codes and JSON that named committees are updated with them, so
/// calendar feeds, report drafts, finalised snapshots and the audit trail keep reading as before.
/// </summary>
internal static class CommitteesBecomeUnitsSteps
{
    private static readonly (string Old, string New)[] Tables =
    [
        ("Committees", "Units"),
        ("CommitteeCoordinators", "UnitCoordinators"),
        ("EventCommittees", "EventUnits"),
        ("CampaignCommittee", "CampaignUnit"),
    ];

    private static readonly string[] TablesWithUnitColumn =
        ["UnitCoordinators", "EventUnits", "CampaignUnit", "ReportDrafts", "MetricValues", "FinalisedReports", "CalendarFeeds"];

    private static readonly (string Table, string Old, string New)[] Indexes =
    [
        ("Units", "IX_Committees_Name", "IX_Units_Name"),
        ("UnitCoordinators", "IX_CommitteeCoordinators_UserId", "IX_UnitCoordinators_UserId"),
        ("EventUnits", "IX_EventCommittees_CommitteeId_EventId", "IX_EventUnits_UnitId_EventId"),
        ("CampaignUnit", "IX_CampaignCommittee_CommitteeId", "IX_CampaignUnit_UnitId"),
        ("ReportDrafts", "IX_ReportDrafts_CommitteeId", "IX_ReportDrafts_UnitId"),
        ("MetricValues", "IX_MetricValues_CommitteeId", "IX_MetricValues_UnitId"),
        ("MetricValues", "IX_MetricValues_CampaignId_CommitteeId_Date_MetricDefinitionId", "IX_MetricValues_CampaignId_UnitId_Date_MetricDefinitionId"),
        ("FinalisedReports", "IX_FinalisedReports_CommitteeId", "IX_FinalisedReports_UnitId"),
        ("CalendarFeeds", "IX_CalendarFeeds_CommitteeId", "IX_CalendarFeeds_UnitId"),
    ];

    public static void Rename(MigrationBuilder migrationBuilder, bool up)
    {
        foreach (var (old, @new) in Tables)
        {
            migrationBuilder.RenameTable(name: up ? old : @new, newName: up ? @new : old);
        }

        foreach (var table in TablesWithUnitColumn)
        {
            var name = up ? table : Tables.FirstOrDefault(t => t.New == table).Old ?? table;
            migrationBuilder.RenameColumn(name: up ? "CommitteeId" : "UnitId", table: name, newName: up ? "UnitId" : "CommitteeId");
        }

        foreach (var (table, old, @new) in Indexes)
        {
            var name = up ? table : Tables.FirstOrDefault(t => t.New == table).Old ?? table;
            migrationBuilder.RenameIndex(name: up ? old : @new, table: name, newName: up ? @new : old);
        }
    }

    /// <summary>Codes and JSON written while units were committees: feed scopes, draft blocks and fields, audit rows.</summary>
    public static void UpdateStoredNames(MigrationBuilder migrationBuilder, bool up)
    {
        string R(string column, string committee, string unit) =>
            up ? $"{column} = REPLACE({column}, '{committee}', '{unit}')" : $"{column} = REPLACE({column}, '{unit}', '{committee}')";

        migrationBuilder.Sql(up
            ? "UPDATE CalendarFeeds SET Scope = 'unit' WHERE Scope = 'committee'"
            : "UPDATE CalendarFeeds SET Scope = 'committee' WHERE Scope = 'unit'");
        // Block kinds ("committees") and fields ({committees}, {committee:7:events}) in drafts; keys in their figures.
        migrationBuilder.Sql($"UPDATE ReportDrafts SET {R("Blocks", "\"committees\"", "\"units\"")}");
        migrationBuilder.Sql($"UPDATE ReportDrafts SET {R("Blocks", "{committee", "{unit")}");
        migrationBuilder.Sql($"UPDATE ReportDrafts SET {R("EditedAgainst", "\"committee", "\"unit")} WHERE EditedAgainst IS NOT NULL");
        // Finalised reports' snapshots are camelCase JSON of the statistics (committeeId, committees, …).
        migrationBuilder.Sql($"UPDATE FinalisedReports SET {R("Snapshot", "\"committee", "\"unit")}");
        foreach (var (old, @new) in new[] { ("Committee", "Unit"), ("CommitteeCoordinator", "UnitCoordinator"), ("EventCommittee", "EventUnit"), ("CampaignCommittee", "CampaignUnit") })
        {
            migrationBuilder.Sql(up
                ? $"UPDATE AuditEntries SET EntityType = '{@new}' WHERE EntityType = '{old}'"
                : $"UPDATE AuditEntries SET EntityType = '{old}' WHERE EntityType = '{@new}'");
        }

        migrationBuilder.Sql($"UPDATE AuditEntries SET {R("Changes", "\"CommitteeId\"", "\"UnitId\"")} WHERE Changes IS NOT NULL");
    }
}
