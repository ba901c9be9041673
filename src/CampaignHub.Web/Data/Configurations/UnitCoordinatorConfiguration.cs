using CampaignHub.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CampaignHub.Web.Data.Configurations;

internal sealed class UnitCoordinatorConfiguration : IEntityTypeConfiguration<UnitCoordinator>
{
    public void Configure(EntityTypeBuilder<UnitCoordinator> builder)
    {
        builder.HasKey(c => new { c.UnitId, c.UserId });
        builder.HasOne(c => c.User).WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.UserId);
    }
}
