using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Metrics;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CampaignHub.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class MetricApplicabilityAndCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsCount",
                table: "MetricDefinitions",
                type: "bit",
                nullable: false,
                defaultValue: true);

            migrationBuilder.CreateTable(
                name: "MetricApplicabilities",
                columns: table => new
                {
                    MetricDefinitionId = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MetricApplicabilities", x => new { x.MetricDefinitionId, x.Kind });
                    table.ForeignKey(
                        name: "FK_MetricApplicabilities_MetricDefinitions_MetricDefinitionId",
                        column: x => x.MetricDefinitionId,
                        principalTable: "MetricDefinitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MetricApplicabilities_Kind",
                table: "MetricApplicabilities",
                column: "Kind");

            // A catalogue created before applicability existed gets the starting defaults for the metrics it has
            // (a new database has no metrics yet: the catalogue seeder brings them with their defaults).
            foreach (var kind in MetricCatalogue.StartingApplicability)
            {
                var codes = string.Join(", ", kind.Value.Select(code => $"'{code}'"));
                migrationBuilder.Sql(
                    $"INSERT INTO \"MetricApplicabilities\" (\"MetricDefinitionId\", \"Kind\") " +
                    $"SELECT \"Id\", '{Codes<EventKind>.Of(kind.Key)}' FROM \"MetricDefinitions\" WHERE \"Code\" IN ({codes});");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MetricApplicabilities");

            migrationBuilder.DropColumn(
                name: "IsCount",
                table: "MetricDefinitions");
        }
    }
}
