using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CampaignHub.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OneLockedFinalisedReport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Databases from before this index may hold several locked copies of one report (parallel finalise
            // requests): the oldest stays locked, the later copies are marked unlocked so the index can be built.
            migrationBuilder.Sql("""
                UPDATE "FinalisedReports"
                SET "UnlockedAt" = "FinalisedAt", "UnlockedById" = "FinalisedById",
                    "UnlockReason" = 'Duplicate of an earlier finalised copy (parallel finalise requests).'
                WHERE "UnlockedAt" IS NULL AND EXISTS (
                    SELECT 1 FROM "FinalisedReports" AS "Earlier"
                    WHERE "Earlier"."UnlockedAt" IS NULL AND "Earlier"."Id" < "FinalisedReports"."Id"
                      AND "Earlier"."CampaignId" = "FinalisedReports"."CampaignId"
                      AND ("Earlier"."CommitteeId" = "FinalisedReports"."CommitteeId"
                           OR ("Earlier"."CommitteeId" IS NULL AND "FinalisedReports"."CommitteeId" IS NULL))
                      AND "Earlier"."From" = "FinalisedReports"."From" AND "Earlier"."To" = "FinalisedReports"."To"
                      AND "Earlier"."Language" = "FinalisedReports"."Language")
                """);

            migrationBuilder.CreateIndex(
                name: "IX_FinalisedReports_OneLocked",
                table: "FinalisedReports",
                columns: new[] { "CampaignId", "CommitteeId", "From", "To", "Language" },
                unique: true,
                filter: "\"UnlockedAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FinalisedReports_OneLocked",
                table: "FinalisedReports");
        }
    }
}
