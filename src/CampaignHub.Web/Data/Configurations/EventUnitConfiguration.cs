using CampaignHub.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CampaignHub.Web.Data.Configurations;

internal sealed class EventUnitConfiguration : IEntityTypeConfiguration<EventUnit>
{
    public void Configure(EntityTypeBuilder<EventUnit> builder)
    {
        builder.HasKey(c => new { c.EventId, c.UnitId });
        builder.HasOne(c => c.Unit).WithMany().HasForeignKey(c => c.UnitId).OnDelete(DeleteBehavior.Restrict);
        // Per-unit lists and figures start from the unit.
        builder.HasIndex(c => new { c.UnitId, c.EventId });
    }
}
