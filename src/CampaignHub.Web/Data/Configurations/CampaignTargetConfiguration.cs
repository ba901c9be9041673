using CampaignHub.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CampaignHub.Web.Data.Configurations;

internal sealed class CampaignTargetConfiguration : IEntityTypeConfiguration<CampaignTarget>
{
    public void Configure(EntityTypeBuilder<CampaignTarget> builder)
    {
        builder.HasKey(t => new { t.CampaignId, t.MetricDefinitionId });
        builder.Property(t => t.Target).HasPrecision(18, 2);
        builder.HasOne(t => t.Metric).WithMany().HasForeignKey(t => t.MetricDefinitionId).OnDelete(DeleteBehavior.Restrict);
    }
}
