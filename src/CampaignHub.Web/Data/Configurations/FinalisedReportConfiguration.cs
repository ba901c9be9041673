using CampaignHub.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CampaignHub.Web.Data.Configurations;

internal sealed class FinalisedReportConfiguration : IEntityTypeConfiguration<FinalisedReport>
{
    public void Configure(EntityTypeBuilder<FinalisedReport> builder)
    {
        builder.Property(r => r.Language).HasMaxLength(10);
        builder.Property(r => r.Title).HasMaxLength(300);
        builder.Property(r => r.FinalisedById).HasMaxLength(450);
        builder.Property(r => r.UnlockedById).HasMaxLength(450);
        builder.Property(r => r.UnlockReason).HasMaxLength(500);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasOne(r => r.Campaign).WithMany().HasForeignKey(r => r.CampaignId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Unit).WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);

        // "Is this date locked?" on every write of an event or figure.
        builder.HasIndex(r => new { r.CampaignId, r.From, r.To });

        // One locked report per campaign, period, unit and language, however many finalise at once (the same
        // filter text works for both providers).
        builder.HasIndex(r => new { r.CampaignId, r.UnitId, r.From, r.To, r.Language })
            .IsUnique()
            .HasFilter("\"UnlockedAt\" IS NULL")
            .HasDatabaseName("IX_FinalisedReports_OneLocked");
    }
}
