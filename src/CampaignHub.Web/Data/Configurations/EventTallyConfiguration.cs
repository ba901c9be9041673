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
        builder.Property(t => t.Span).HasConversion<CodeConverter<TallySpan>>().HasMaxLength(10);
        // Derived rows: no foreign keys to hold up a delete; the save path removes a day's rows with the day's events.
        // Reads are "these campaigns, the whole or one unit, days or months of a period"; the count is in the index,
        // so no read touches the table itself.
        builder.HasIndex(t => new { t.CampaignId, t.UnitId, t.Span, t.Date, t.Kind, t.Channel, t.Status, t.Events });
        // "Every unit's share" (the per-unit table): the period's range first, since "any unit" is no prefix to seek.
        // Of the unit rows only, so a read of the whole campaign's rows (UnitId IS NULL) never takes it for the other.
        builder.HasIndex(t => new { t.CampaignId, t.Span, t.Date, t.UnitId, t.Kind, t.Channel, t.Status, t.Events }).HasFilter("UnitId IS NOT NULL");
    }
}
