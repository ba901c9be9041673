using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CampaignHub.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RoadshowStops : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Department",
                table: "EventSpeaker",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Position",
                table: "EventSpeaker",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Role",
                table: "EventSpeaker",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "talk");

            migrationBuilder.AddColumn<string>(
                name: "Topic",
                table: "EventSpeaker",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ExpertTeamSize",
                table: "Events",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HandoverFrom",
                table: "Events",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HandoverTo",
                table: "Events",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "NextHostOrganisationId",
                table: "Events",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Events_NextHostOrganisationId",
                table: "Events",
                column: "NextHostOrganisationId");

            migrationBuilder.AddForeignKey(
                name: "FK_Events_Organisations_NextHostOrganisationId",
                table: "Events",
                column: "NextHostOrganisationId",
                principalTable: "Organisations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Events_Organisations_NextHostOrganisationId",
                table: "Events");

            migrationBuilder.DropIndex(
                name: "IX_Events_NextHostOrganisationId",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "Department",
                table: "EventSpeaker");

            migrationBuilder.DropColumn(
                name: "Position",
                table: "EventSpeaker");

            migrationBuilder.DropColumn(
                name: "Role",
                table: "EventSpeaker");

            migrationBuilder.DropColumn(
                name: "Topic",
                table: "EventSpeaker");

            migrationBuilder.DropColumn(
                name: "ExpertTeamSize",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "HandoverFrom",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "HandoverTo",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "NextHostOrganisationId",
                table: "Events");
        }
    }
}
