using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CampaignHub.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FigureQuality : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsEstimate",
                table: "MetricValues",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "AtMostCode",
                table: "MetricDefinitions",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "MaxValue",
                table: "MetricDefinitions",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "MinValue",
                table: "MetricDefinitions",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: true);

            FigureQualitySteps.AddStartingRelations(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "IsEstimate",
                table: "MetricValues");

            migrationBuilder.DropColumn(
                name: "AtMostCode",
                table: "MetricDefinitions");

            migrationBuilder.DropColumn(
                name: "MaxValue",
                table: "MetricDefinitions");

            migrationBuilder.DropColumn(
                name: "MinValue",
                table: "MetricDefinitions");
        }
    }
}
