using CampaignHub.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CampaignHub.Web.Data.Configurations;

internal sealed class EventTallyConfiguration : IEntityTypeConfiguration<EventTally>
{
    public void Configure(EntityTypeBuilder<EventTally> builder)
    {
        builder.Property(t => t.Kind).HasConversion<CodeConverter<EventKind>>().HasMaxLength(30);
        builder.Property(t => t.Channel).HasConversion<CodeConverter<EventChannel>>().HasMaxLength(10);
        builder.Property(t => t.Status).HasConversion<CodeConverter<EventStatus>>().HasMaxLength(20);
        // Derived rows: no foreign keys to hold up a delete; the save path removes a day's rows with the day's events.
        // Every read is "these campaigns, the whole or one unit, a period"; the count is in the index, so no read
        // touches the table itself.
        builder.HasIndex(t => new { t.CampaignId, t.UnitId, t.Date, t.Kind, t.Channel, t.Status, t.Events });
    }
}
