using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CampaignHub.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CommitteesBecomeUnits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // SQLite renames tables and columns in place and follows the renames in other tables' references.
            CommitteesBecomeUnitsSteps.Rename(migrationBuilder, up: true);
            // Before the new columns: SQLite rebuilds the Units table for its foreign key at the end of the migration.
            CommitteesBecomeUnitsSteps.UpdateStoredNames(migrationBuilder, up: true);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "Units",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "committee");

            migrationBuilder.AddColumn<int>(
                name: "OrganisationId",
                table: "Units",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Units_OrganisationId",
                table: "Units",
                column: "OrganisationId");

            migrationBuilder.AddForeignKey(
                name: "FK_Units_Organisations_OrganisationId",
                table: "Units",
                column: "OrganisationId",
                principalTable: "Organisations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            CommitteesBecomeUnitsSteps.UpdateStoredNames(migrationBuilder, up: false);

            migrationBuilder.DropForeignKey(
                name: "FK_Units_Organisations_OrganisationId",
                table: "Units");

            migrationBuilder.DropIndex(
                name: "IX_Units_OrganisationId",
                table: "Units");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "Units");

            migrationBuilder.DropColumn(
                name: "OrganisationId",
                table: "Units");

            CommitteesBecomeUnitsSteps.Rename(migrationBuilder, up: false);
        }
    }
}
