using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CampaignHub.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CampaignFormsOutcomesAwardsAndFunnel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "FunnelStep",
                table: "MetricDefinitions",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Aim",
                table: "Campaigns",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AimEn",
                table: "Campaigns",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Form",
                table: "Campaigns",
                type: "nvarchar(30)",
                maxLength: 30,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "PartnerSiteCount",
                table: "Campaigns",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PartnerSiteKind",
                table: "Campaigns",
                type: "nvarchar(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReportLanguage",
                table: "Campaigns",
                type: "nvarchar(10)",
                maxLength: 10,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AlterColumn<decimal>(
                name: "RatePercent",
                table: "CampaignOutcome",
                type: "decimal(5,2)",
                precision: 5,
                scale: 2,
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "decimal(5,2)",
                oldPrecision: 5,
                oldScale: 2);

            migrationBuilder.AddColumn<string>(
                name: "Bound",
                table: "CampaignOutcome",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<decimal>(
                name: "Denominator",
                table: "CampaignOutcome",
                type: "decimal(18,2)",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DenominatorMetricId",
                table: "CampaignOutcome",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "CampaignOutcome",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateOnly>(
                name: "MeasuredOn",
                table: "CampaignOutcome",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Method",
                table: "CampaignOutcome",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MethodEn",
                table: "CampaignOutcome",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "Numerator",
                table: "CampaignOutcome",
                type: "decimal(18,2)",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "NumeratorMetricId",
                table: "CampaignOutcome",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SampleSize",
                table: "CampaignOutcome",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "TargetPercent",
                table: "CampaignOutcome",
                type: "decimal(5,2)",
                precision: 5,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Role",
                table: "CampaignOrganiser",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "CampaignAward",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CampaignId = table.Column<int>(type: "int", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    EventId = table.Column<int>(type: "int", nullable: true),
                    RecipientCount = table.Column<int>(type: "int", nullable: true),
                    SortOrder = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignAward", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CampaignAward_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CampaignAward_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "CampaignRegion",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CampaignId = table.Column<int>(type: "int", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    NameEn = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    SortOrder = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignRegion", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CampaignRegion_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AwardRecipient",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    AwardId = table.Column<int>(type: "int", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    NameEn = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    Organisation = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    OrganisationEn = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    SortOrder = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AwardRecipient", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AwardRecipient_CampaignAward_AwardId",
                        column: x => x.AwardId,
                        principalTable: "CampaignAward",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CampaignOutcome_DenominatorMetricId",
                table: "CampaignOutcome",
                column: "DenominatorMetricId");

            migrationBuilder.CreateIndex(
                name: "IX_CampaignOutcome_NumeratorMetricId",
                table: "CampaignOutcome",
                column: "NumeratorMetricId");

            migrationBuilder.CreateIndex(
                name: "IX_AwardRecipient_AwardId",
                table: "AwardRecipient",
                column: "AwardId");

            migrationBuilder.CreateIndex(
                name: "IX_CampaignAward_CampaignId",
                table: "CampaignAward",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_CampaignAward_EventId",
                table: "CampaignAward",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_CampaignRegion_CampaignId",
                table: "CampaignRegion",
                column: "CampaignId");

            migrationBuilder.AddForeignKey(
                name: "FK_CampaignOutcome_MetricDefinitions_DenominatorMetricId",
                table: "CampaignOutcome",
                column: "DenominatorMetricId",
                principalTable: "MetricDefinitions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_CampaignOutcome_MetricDefinitions_NumeratorMetricId",
                table: "CampaignOutcome",
                column: "NumeratorMetricId",
                principalTable: "MetricDefinitions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            CampaignFormsOutcomesAwardsAndFunnelSteps.FillExistingRows(migrationBuilder);
            CampaignFormsOutcomesAwardsAndFunnelSteps.AddFunnel(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            CampaignFormsOutcomesAwardsAndFunnelSteps.BeforeDown(migrationBuilder);

            migrationBuilder.DropForeignKey(
                name: "FK_CampaignOutcome_MetricDefinitions_DenominatorMetricId",
                table: "CampaignOutcome");

            migrationBuilder.DropForeignKey(
                name: "FK_CampaignOutcome_MetricDefinitions_NumeratorMetricId",
                table: "CampaignOutcome");

            migrationBuilder.DropTable(
                name: "AwardRecipient");

            migrationBuilder.DropTable(
                name: "CampaignRegion");

            migrationBuilder.DropTable(
                name: "CampaignAward");

            migrationBuilder.DropIndex(
                name: "IX_CampaignOutcome_DenominatorMetricId",
                table: "CampaignOutcome");

            migrationBuilder.DropIndex(
                name: "IX_CampaignOutcome_NumeratorMetricId",
                table: "CampaignOutcome");

            migrationBuilder.DropColumn(
                name: "FunnelStep",
                table: "MetricDefinitions");

            migrationBuilder.DropColumn(
                name: "Aim",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "AimEn",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "Form",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "PartnerSiteCount",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "PartnerSiteKind",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "ReportLanguage",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "Bound",
                table: "CampaignOutcome");

            migrationBuilder.DropColumn(
                name: "Denominator",
                table: "CampaignOutcome");

            migrationBuilder.DropColumn(
                name: "DenominatorMetricId",
                table: "CampaignOutcome");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "CampaignOutcome");

            migrationBuilder.DropColumn(
                name: "MeasuredOn",
                table: "CampaignOutcome");

            migrationBuilder.DropColumn(
                name: "Method",
                table: "CampaignOutcome");

            migrationBuilder.DropColumn(
                name: "MethodEn",
                table: "CampaignOutcome");

            migrationBuilder.DropColumn(
                name: "Numerator",
                table: "CampaignOutcome");

            migrationBuilder.DropColumn(
                name: "NumeratorMetricId",
                table: "CampaignOutcome");

            migrationBuilder.DropColumn(
                name: "SampleSize",
                table: "CampaignOutcome");

            migrationBuilder.DropColumn(
                name: "TargetPercent",
                table: "CampaignOutcome");

            migrationBuilder.DropColumn(
                name: "Role",
                table: "CampaignOrganiser");

            migrationBuilder.AlterColumn<decimal>(
                name: "RatePercent",
                table: "CampaignOutcome",
                type: "decimal(5,2)",
                precision: 5,
                scale: 2,
                nullable: false,
                defaultValue: 0m,
                oldClrType: typeof(decimal),
                oldType: "decimal(5,2)",
                oldPrecision: 5,
                oldScale: 2,
                oldNullable: true);
        }
    }
}
