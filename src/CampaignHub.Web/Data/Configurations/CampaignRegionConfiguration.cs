using CampaignHub.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CampaignHub.Web.Data.Configurations;

internal sealed class CampaignRegionConfiguration : IEntityTypeConfiguration<CampaignRegion>
{
    public void Configure(EntityTypeBuilder<CampaignRegion> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(CampaignLimits.RegionNameMaxLength);
        builder.Property(r => r.NameEn).HasMaxLength(CampaignLimits.RegionNameMaxLength);
    }
}
