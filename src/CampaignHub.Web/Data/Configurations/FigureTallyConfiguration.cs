using CampaignHub.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CampaignHub.Web.Data.Configurations;

internal sealed class FigureTallyConfiguration : IEntityTypeConfiguration<FigureTally>
{
    public void Configure(EntityTypeBuilder<FigureTally> builder)
    {
        // A double, as MetricValue.Value: summed in the database.
        builder.Property(t => t.Value).HasConversion<double>();
        builder.Property(t => t.Span).HasConversion<CodeConverter<TallySpan>>().HasMaxLength(10);
        // Totals: these campaigns, the whole or one unit, days or months of a period, by metric; the value in the index.
        builder.HasIndex(t => new { t.CampaignId, t.UnitId, t.Span, t.Date, t.MetricDefinitionId, t.Value });
        // People served by every unit: two metrics of a period, without reading the other metrics' or periods' rows.
        builder.HasIndex(t => new { t.CampaignId, t.MetricDefinitionId, t.Span, t.Date, t.UnitId, t.Value }).HasFilter("UnitId IS NOT NULL");
    }
}
