using CampaignHub.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CampaignHub.Web.Data.Configurations;

internal sealed class ReportDraftConfiguration : IEntityTypeConfiguration<ReportDraft>
{
    public void Configure(EntityTypeBuilder<ReportDraft> builder)
    {
        builder.Property(d => d.Language).HasMaxLength(10);
        builder.Property(d => d.Title).HasMaxLength(ReportDraftLimits.TitleMaxLength);
        builder.Property(d => d.CreatedById).HasMaxLength(450);
        builder.Property(d => d.UpdatedById).HasMaxLength(450);
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.HasOne(d => d.Campaign).WithMany().HasForeignKey(d => d.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(d => d.Unit).WithMany().HasForeignKey(d => d.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.CampaignId, d.From, d.To });
    }
}
