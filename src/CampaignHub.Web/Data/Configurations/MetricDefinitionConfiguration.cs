using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CampaignHub.Web.Data.Configurations;

internal sealed class MetricDefinitionConfiguration : IEntityTypeConfiguration<MetricDefinition>
{
    public void Configure(EntityTypeBuilder<MetricDefinition> builder)
    {
        // The same limits the catalogue's rules and its admin page use.
        builder.Property(m => m.Code).HasMaxLength(MetricDefinitionService.CodeMaxLength);
        builder.Property(m => m.Name).HasMaxLength(MetricDefinitionService.NameMaxLength);
        builder.Property(m => m.NameEn).HasMaxLength(MetricDefinitionService.NameMaxLength);
        builder.Property(m => m.Unit).HasMaxLength(MetricDefinitionService.UnitMaxLength);
        builder.Property(m => m.UnitEn).HasMaxLength(MetricDefinitionService.UnitMaxLength);
        builder.Property(m => m.Group).HasConversion<CodeConverter<MetricGroup>>().HasMaxLength(30);
        builder.Property(m => m.AtMostCode).HasMaxLength(MetricDefinitionService.CodeMaxLength);
        builder.Property(m => m.MinValue).HasPrecision(18, 2);
        builder.Property(m => m.MaxValue).HasPrecision(18, 2);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasIndex(m => m.Code).IsUnique();
    }
}
