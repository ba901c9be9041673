using CampaignHub.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CampaignHub.Web.Data.Configurations;

internal sealed class MetricApplicabilityConfiguration : IEntityTypeConfiguration<MetricApplicability>
{
    public void Configure(EntityTypeBuilder<MetricApplicability> builder)
    {
        builder.ToTable("MetricApplicabilities");
        builder.HasKey(a => new { a.MetricDefinitionId, a.Kind });
        builder.Property(a => a.Kind).HasConversion<CodeConverter<EventKind>>().HasMaxLength(30);
        builder.HasOne<MetricDefinition>().WithMany(m => m.AppliesTo).HasForeignKey(a => a.MetricDefinitionId).OnDelete(DeleteBehavior.Cascade);
        // The event form asks which metrics fit one kind.
        builder.HasIndex(a => a.Kind);
    }
}
