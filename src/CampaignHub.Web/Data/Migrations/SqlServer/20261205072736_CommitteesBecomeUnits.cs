using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CampaignHub.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CommitteesBecomeUnits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Keys and constraints carry the tables' names on SQL Server: dropped, then added again under the new names.
            migrationBuilder.DropForeignKey(
                name: "FK_CalendarFeeds_Committees_CommitteeId",
                table: "CalendarFeeds");
            migrationBuilder.DropForeignKey(
                name: "FK_FinalisedReports_Committees_CommitteeId",
                table: "FinalisedReports");
            migrationBuilder.DropForeignKey(
                name: "FK_MetricValues_Committees_CommitteeId",
                table: "MetricValues");
            migrationBuilder.DropForeignKey(
                name: "FK_ReportDrafts_Committees_CommitteeId",
                table: "ReportDrafts");
            migrationBuilder.DropForeignKey(
                name: "FK_CampaignCommittee_Committees_CommitteeId",
                table: "CampaignCommittee");
            migrationBuilder.DropForeignKey(
                name: "FK_CampaignCommittee_Campaigns_CampaignId",
                table: "CampaignCommittee");
            migrationBuilder.DropForeignKey(
                name: "FK_CommitteeCoordinators_AspNetUsers_UserId",
                table: "CommitteeCoordinators");
            migrationBuilder.DropForeignKey(
                name: "FK_CommitteeCoordinators_Committees_CommitteeId",
                table: "CommitteeCoordinators");
            migrationBuilder.DropForeignKey(
                name: "FK_EventCommittees_Committees_CommitteeId",
                table: "EventCommittees");
            migrationBuilder.DropForeignKey(
                name: "FK_EventCommittees_Events_EventId",
                table: "EventCommittees");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Committees",
                table: "Committees");
            migrationBuilder.DropPrimaryKey(
                name: "PK_CommitteeCoordinators",
                table: "CommitteeCoordinators");
            migrationBuilder.DropPrimaryKey(
                name: "PK_EventCommittees",
                table: "EventCommittees");
            migrationBuilder.DropPrimaryKey(
                name: "PK_CampaignCommittee",
                table: "CampaignCommittee");

            CommitteesBecomeUnitsSteps.Rename(migrationBuilder, up: true);

            migrationBuilder.AddPrimaryKey(
                name: "PK_Units",
                table: "Units",
                column: "Id");
            migrationBuilder.AddPrimaryKey(
                name: "PK_UnitCoordinators",
                table: "UnitCoordinators",
                columns: new[] { "UnitId", "UserId" });
            migrationBuilder.AddPrimaryKey(
                name: "PK_EventUnits",
                table: "EventUnits",
                columns: new[] { "EventId", "UnitId" });
            migrationBuilder.AddPrimaryKey(
                name: "PK_CampaignUnit",
                table: "CampaignUnit",
                columns: new[] { "CampaignId", "UnitId" });

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "Units",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "committee");

            migrationBuilder.AddColumn<int>(
                name: "OrganisationId",
                table: "Units",
                type: "int",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Units_OrganisationId",
                table: "Units",
                column: "OrganisationId");

            migrationBuilder.AddForeignKey(
                name: "FK_CalendarFeeds_Units_UnitId",
                table: "CalendarFeeds",
                column: "UnitId",
                principalTable: "Units",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
            migrationBuilder.AddForeignKey(
                name: "FK_FinalisedReports_Units_UnitId",
                table: "FinalisedReports",
                column: "UnitId",
                principalTable: "Units",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
            migrationBuilder.AddForeignKey(
                name: "FK_MetricValues_Units_UnitId",
                table: "MetricValues",
                column: "UnitId",
                principalTable: "Units",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
            migrationBuilder.AddForeignKey(
                name: "FK_ReportDrafts_Units_UnitId",
                table: "ReportDrafts",
                column: "UnitId",
                principalTable: "Units",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
            migrationBuilder.AddForeignKey(
                name: "FK_CampaignUnit_Units_UnitId",
                table: "CampaignUnit",
                column: "UnitId",
                principalTable: "Units",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
            migrationBuilder.AddForeignKey(
                name: "FK_CampaignUnit_Campaigns_CampaignId",
                table: "CampaignUnit",
                column: "CampaignId",
                principalTable: "Campaigns",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
            migrationBuilder.AddForeignKey(
                name: "FK_UnitCoordinators_AspNetUsers_UserId",
                table: "UnitCoordinators",
                column: "UserId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
            migrationBuilder.AddForeignKey(
                name: "FK_UnitCoordinators_Units_UnitId",
                table: "UnitCoordinators",
                column: "UnitId",
                principalTable: "Units",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
            migrationBuilder.AddForeignKey(
                name: "FK_EventUnits_Units_UnitId",
                table: "EventUnits",
                column: "UnitId",
                principalTable: "Units",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
            migrationBuilder.AddForeignKey(
                name: "FK_EventUnits_Events_EventId",
                table: "EventUnits",
                column: "EventId",
                principalTable: "Events",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
            migrationBuilder.AddForeignKey(
                name: "FK_Units_Organisations_OrganisationId",
                table: "Units",
                column: "OrganisationId",
                principalTable: "Organisations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            CommitteesBecomeUnitsSteps.UpdateStoredNames(migrationBuilder, up: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            CommitteesBecomeUnitsSteps.UpdateStoredNames(migrationBuilder, up: false);

            migrationBuilder.DropForeignKey(
                name: "FK_Units_Organisations_OrganisationId",
                table: "Units");
            migrationBuilder.DropForeignKey(
                name: "FK_CalendarFeeds_Units_UnitId",
                table: "CalendarFeeds");
            migrationBuilder.DropForeignKey(
                name: "FK_FinalisedReports_Units_UnitId",
                table: "FinalisedReports");
            migrationBuilder.DropForeignKey(
                name: "FK_MetricValues_Units_UnitId",
                table: "MetricValues");
            migrationBuilder.DropForeignKey(
                name: "FK_ReportDrafts_Units_UnitId",
                table: "ReportDrafts");
            migrationBuilder.DropForeignKey(
                name: "FK_CampaignUnit_Units_UnitId",
                table: "CampaignUnit");
            migrationBuilder.DropForeignKey(
                name: "FK_CampaignUnit_Campaigns_CampaignId",
                table: "CampaignUnit");
            migrationBuilder.DropForeignKey(
                name: "FK_UnitCoordinators_AspNetUsers_UserId",
                table: "UnitCoordinators");
            migrationBuilder.DropForeignKey(
                name: "FK_UnitCoordinators_Units_UnitId",
                table: "UnitCoordinators");
            migrationBuilder.DropForeignKey(
                name: "FK_EventUnits_Units_UnitId",
                table: "EventUnits");
            migrationBuilder.DropForeignKey(
                name: "FK_EventUnits_Events_EventId",
                table: "EventUnits");

            migrationBuilder.DropIndex(
                name: "IX_Units_OrganisationId",
                table: "Units");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "Units");

            migrationBuilder.DropColumn(
                name: "OrganisationId",
                table: "Units");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Units",
                table: "Units");
            migrationBuilder.DropPrimaryKey(
                name: "PK_UnitCoordinators",
                table: "UnitCoordinators");
            migrationBuilder.DropPrimaryKey(
                name: "PK_EventUnits",
                table: "EventUnits");
            migrationBuilder.DropPrimaryKey(
                name: "PK_CampaignUnit",
                table: "CampaignUnit");

            CommitteesBecomeUnitsSteps.Rename(migrationBuilder, up: false);

            migrationBuilder.AddPrimaryKey(
                name: "PK_Committees",
                table: "Committees",
                column: "Id");
            migrationBuilder.AddPrimaryKey(
                name: "PK_CommitteeCoordinators",
                table: "CommitteeCoordinators",
                columns: new[] { "CommitteeId", "UserId" });
            migrationBuilder.AddPrimaryKey(
                name: "PK_EventCommittees",
                table: "EventCommittees",
                columns: new[] { "EventId", "CommitteeId" });
            migrationBuilder.AddPrimaryKey(
                name: "PK_CampaignCommittee",
                table: "CampaignCommittee",
                columns: new[] { "CampaignId", "CommitteeId" });
            migrationBuilder.AddForeignKey(
                name: "FK_CalendarFeeds_Committees_CommitteeId",
                table: "CalendarFeeds",
                column: "CommitteeId",
                principalTable: "Committees",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
            migrationBuilder.AddForeignKey(
                name: "FK_FinalisedReports_Committees_CommitteeId",
                table: "FinalisedReports",
                column: "CommitteeId",
                principalTable: "Committees",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
            migrationBuilder.AddForeignKey(
                name: "FK_MetricValues_Committees_CommitteeId",
                table: "MetricValues",
                column: "CommitteeId",
                principalTable: "Committees",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
            migrationBuilder.AddForeignKey(
                name: "FK_ReportDrafts_Committees_CommitteeId",
                table: "ReportDrafts",
                column: "CommitteeId",
                principalTable: "Committees",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
            migrationBuilder.AddForeignKey(
                name: "FK_CampaignCommittee_Committees_CommitteeId",
                table: "CampaignCommittee",
                column: "CommitteeId",
                principalTable: "Committees",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
            migrationBuilder.AddForeignKey(
                name: "FK_CampaignCommittee_Campaigns_CampaignId",
                table: "CampaignCommittee",
                column: "CampaignId",
                principalTable: "Campaigns",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
            migrationBuilder.AddForeignKey(
                name: "FK_CommitteeCoordinators_AspNetUsers_UserId",
                table: "CommitteeCoordinators",
                column: "UserId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
            migrationBuilder.AddForeignKey(
                name: "FK_CommitteeCoordinators_Committees_CommitteeId",
                table: "CommitteeCoordinators",
                column: "CommitteeId",
                principalTable: "Committees",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
            migrationBuilder.AddForeignKey(
                name: "FK_EventCommittees_Committees_CommitteeId",
                table: "EventCommittees",
                column: "CommitteeId",
                principalTable: "Committees",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
            migrationBuilder.AddForeignKey(
                name: "FK_EventCommittees_Events_EventId",
                table: "EventCommittees",
                column: "EventId",
                principalTable: "Events",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
