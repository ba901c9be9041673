using CampaignHub.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CampaignHub.Web.Data.Configurations;

internal sealed class CampaignCommitteeConfiguration : IEntityTypeConfiguration<CampaignCommittee>
{
    public void Configure(EntityTypeBuilder<CampaignCommittee> builder)
    {
        builder.HasKey(c => new { c.CampaignId, c.CommitteeId });
        builder.HasOne(c => c.Committee).WithMany().HasForeignKey(c => c.CommitteeId).OnDelete(DeleteBehavior.Restrict);
    }
}
