using CampaignHub.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CampaignHub.Web.Data.Configurations;

internal sealed class ReturnedItemConfiguration : IEntityTypeConfiguration<ReturnedItem>
{
    public void Configure(EntityTypeBuilder<ReturnedItem> builder)
    {
        builder.Property(r => r.Comment).HasMaxLength(ReportingLimits.CommentMaxLength);
        builder.Property(r => r.CreatedById).HasMaxLength(450);
        builder.HasOne(r => r.Submission).WithMany().HasForeignKey(r => r.SubmissionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Metric).WithMany().HasForeignKey(r => r.MetricDefinitionId).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(r => r.SubmissionId);
        // An event's page shows the open comments on it.
        builder.HasIndex(r => r.EventId);
    }
}
