using CampaignHub.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CampaignHub.Web.Data.Configurations;

internal sealed class MetricDefinitionConfiguration : IEntityTypeConfiguration<MetricDefinition>
{
    public void Configure(EntityTypeBuilder<MetricDefinition> builder)
    {
        builder.Property(m => m.Code).HasMaxLength(50);
        builder.Property(m => m.Name).HasMaxLength(100);
        builder.Property(m => m.NameEn).HasMaxLength(100);
        builder.Property(m => m.Unit).HasMaxLength(20);
        builder.Property(m => m.UnitEn).HasMaxLength(20);
        builder.Property(m => m.Group).HasConversion<CodeConverter<MetricGroup>>().HasMaxLength(30);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasIndex(m => m.Code).IsUnique();
    }
}
