using CampaignHub.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CampaignHub.Web.Data.Configurations;

internal sealed class EventCommitteeConfiguration : IEntityTypeConfiguration<EventCommittee>
{
    public void Configure(EntityTypeBuilder<EventCommittee> builder)
    {
        builder.HasKey(c => new { c.EventId, c.CommitteeId });
        builder.HasOne(c => c.Committee).WithMany().HasForeignKey(c => c.CommitteeId).OnDelete(DeleteBehavior.Restrict);
        // Per-committee lists and figures start from the committee.
        builder.HasIndex(c => new { c.CommitteeId, c.EventId });
    }
}
