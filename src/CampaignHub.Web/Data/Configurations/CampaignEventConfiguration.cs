using CampaignHub.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CampaignHub.Web.Data.Configurations;

internal sealed class CampaignEventConfiguration : IEntityTypeConfiguration<CampaignEvent>
{
    public void Configure(EntityTypeBuilder<CampaignEvent> builder)
    {
        builder.ToTable("Events");
        builder.Property(e => e.Title).HasMaxLength(EventLimits.TitleMaxLength);
        builder.Property(e => e.Kind).HasConversion<CodeConverter<EventKind>>().HasMaxLength(30);
        builder.Property(e => e.Channel).HasConversion<CodeConverter<EventChannel>>().HasMaxLength(10);
        builder.Property(e => e.Platform).HasConversion<CodeConverter<OnlinePlatform>>().HasMaxLength(30);
        builder.Property(e => e.Status).HasConversion<CodeConverter<EventStatus>>().HasMaxLength(20);
        builder.Property(e => e.PlatformDetail).HasMaxLength(EventLimits.PlatformDetailMaxLength);
        builder.Property(e => e.Link).HasMaxLength(EventLimits.LinkMaxLength);
        builder.Property(e => e.Location).HasMaxLength(EventLimits.LocationMaxLength);
        builder.Property(e => e.SeriesName).HasMaxLength(EventLimits.SeriesNameMaxLength);
        builder.Property(e => e.Narrative).HasMaxLength(EventLimits.NarrativeMaxLength);
        builder.Property(e => e.TitleEn).HasMaxLength(EventLimits.TitleMaxLength);
        builder.Property(e => e.NarrativeEn).HasMaxLength(EventLimits.NarrativeMaxLength);
        builder.Property(e => e.SectionGroup).HasMaxLength(EventLimits.SectionGroupMaxLength);
        builder.Property(e => e.SectionGroupEn).HasMaxLength(EventLimits.SectionGroupMaxLength);
        builder.Property(e => e.HandoverFrom).HasMaxLength(EventLimits.HandoverPersonMaxLength);
        builder.Property(e => e.HandoverTo).HasMaxLength(EventLimits.HandoverPersonMaxLength);
        builder.Property(e => e.CreatedById).HasMaxLength(450);
        builder.Property(e => e.UpdatedById).HasMaxLength(450);
        builder.Property(e => e.Version).IsConcurrencyToken();

        builder.HasOne(e => e.Campaign).WithMany().HasForeignKey(e => e.CampaignId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.Venue).WithMany().HasForeignKey(e => e.VenueId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(e => e.HostOrganisation).WithMany().HasForeignKey(e => e.HostOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.NextHostOrganisation).WithMany().HasForeignKey(e => e.NextHostOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(e => e.Units).WithOne().HasForeignKey(c => c.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Speakers).WithOne().HasForeignKey(s => s.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Photos).WithOne().HasForeignKey(p => p.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Figures).WithOne(v => v.Event).HasForeignKey(v => v.EventId).OnDelete(DeleteBehavior.Cascade);

        // The event list filters by campaign and period first, then by kind, channel and status. A report's story
        // (highlighted events that count, HeldRule) and its upcoming events are read from the index alone.
        builder.HasIndex(e => new { e.CampaignId, e.StartsAt, e.Highlight, e.Status });
        // A campaign's events of one kind (the list filter, and its count) without reading every campaign's.
        builder.HasIndex(e => new { e.CampaignId, e.Kind, e.StartsAt });
        builder.HasIndex(e => e.StartsAt);
        builder.HasIndex(e => new { e.Kind, e.Channel });
        builder.HasIndex(e => e.Status);
    }
}
