using CampaignHub.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CampaignHub.Web.Data.Configurations;

internal sealed class CommitteeCoordinatorConfiguration : IEntityTypeConfiguration<CommitteeCoordinator>
{
    public void Configure(EntityTypeBuilder<CommitteeCoordinator> builder)
    {
        builder.HasKey(c => new { c.CommitteeId, c.UserId });
        builder.HasOne(c => c.User).WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.UserId);
    }
}
