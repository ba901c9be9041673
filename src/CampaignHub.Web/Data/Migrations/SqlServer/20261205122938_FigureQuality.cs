using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CampaignHub.Web.Data.Migrations.SqlServer
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
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "AtMostCode",
                table: "MetricDefinitions",
                type: "nvarchar(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "MaxValue",
                table: "MetricDefinitions",
                type: "decimal(18,2)",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "MinValue",
                table: "MetricDefinitions",
                type: "decimal(18,2)",
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
