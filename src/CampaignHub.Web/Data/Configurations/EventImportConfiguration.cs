using CampaignHub.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CampaignHub.Web.Data.Configurations;

internal sealed class EventImportConfiguration : IEntityTypeConfiguration<EventImport>
{
    public void Configure(EntityTypeBuilder<EventImport> builder)
    {
        builder.Property(i => i.ContentHash).HasMaxLength(64);
        builder.Property(i => i.FileName).HasMaxLength(EventImport.FileNameMaxLength);
        // One import of the same bytes per campaign, even when two arrive at once.
        builder.HasIndex(i => new { i.CampaignId, i.ContentHash }).IsUnique();
        builder.HasOne<Campaign>().WithMany().HasForeignKey(i => i.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(i => i.CreatedById).OnDelete(DeleteBehavior.SetNull);
    }
}
