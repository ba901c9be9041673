using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CampaignHub.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ProgrammesAndTallies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Events_CampaignId_StartsAt",
                table: "Events");

            migrationBuilder.AddColumn<int>(
                name: "ProgrammeId",
                table: "Campaigns",
                type: "int",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "EventTallies",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CampaignId = table.Column<int>(type: "int", nullable: false),
                    UnitId = table.Column<int>(type: "int", nullable: true),
                    Span = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Channel = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Events = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EventTallies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FigureTallies",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CampaignId = table.Column<int>(type: "int", nullable: false),
                    UnitId = table.Column<int>(type: "int", nullable: true),
                    Span = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    MetricDefinitionId = table.Column<int>(type: "int", nullable: false),
                    Value = table.Column<double>(type: "float", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FigureTallies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Programmes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Description = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    DescriptionEn = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    ParentId = table.Column<int>(type: "int", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Programmes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Programmes_Programmes_ParentId",
                        column: x => x.ParentId,
                        principalTable: "Programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Events_CampaignId_StartsAt_Highlight_Status",
                table: "Events",
                columns: new[] { "CampaignId", "StartsAt", "Highlight", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_ProgrammeId",
                table: "Campaigns",
                column: "ProgrammeId");

            migrationBuilder.CreateIndex(
                name: "IX_EventTallies_CampaignId_Span_Date_UnitId_Kind_Channel_Status_Events",
                table: "EventTallies",
                columns: new[] { "CampaignId", "Span", "Date", "UnitId", "Kind", "Channel", "Status", "Events" },
                filter: "UnitId IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_EventTallies_CampaignId_UnitId_Span_Date_Kind_Channel_Status_Events",
                table: "EventTallies",
                columns: new[] { "CampaignId", "UnitId", "Span", "Date", "Kind", "Channel", "Status", "Events" });

            migrationBuilder.CreateIndex(
                name: "IX_FigureTallies_CampaignId_MetricDefinitionId_Span_Date_UnitId_Value",
                table: "FigureTallies",
                columns: new[] { "CampaignId", "MetricDefinitionId", "Span", "Date", "UnitId", "Value" },
                filter: "UnitId IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_FigureTallies_CampaignId_UnitId_Span_Date_MetricDefinitionId_Value",
                table: "FigureTallies",
                columns: new[] { "CampaignId", "UnitId", "Span", "Date", "MetricDefinitionId", "Value" });

            migrationBuilder.CreateIndex(
                name: "IX_Programmes_ParentId",
                table: "Programmes",
                column: "ParentId");

            migrationBuilder.AddForeignKey(
                name: "FK_Campaigns_Programmes_ProgrammeId",
                table: "Campaigns",
                column: "ProgrammeId",
                principalTable: "Programmes",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Campaigns_Programmes_ProgrammeId",
                table: "Campaigns");

            migrationBuilder.DropTable(
                name: "EventTallies");

            migrationBuilder.DropTable(
                name: "FigureTallies");

            migrationBuilder.DropTable(
                name: "Programmes");

            migrationBuilder.DropIndex(
                name: "IX_Events_CampaignId_StartsAt_Highlight_Status",
                table: "Events");

            migrationBuilder.DropIndex(
                name: "IX_Campaigns_ProgrammeId",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "ProgrammeId",
                table: "Campaigns");

            migrationBuilder.CreateIndex(
                name: "IX_Events_CampaignId_StartsAt",
                table: "Events",
                columns: new[] { "CampaignId", "StartsAt" });
        }
    }
}
