using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CampaignHub.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class EventListByCampaignAndKind : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Events_CampaignId_Kind_StartsAt",
                table: "Events",
                columns: new[] { "CampaignId", "Kind", "StartsAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Events_CampaignId_Kind_StartsAt",
                table: "Events");
        }
    }
}
