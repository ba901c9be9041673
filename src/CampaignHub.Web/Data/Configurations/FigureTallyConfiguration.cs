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
        // Totals: these campaigns, the whole or one unit, a period, by metric; the value in the index.
        builder.HasIndex(t => new { t.CampaignId, t.UnitId, t.Date, t.MetricDefinitionId, t.Value });
        // People served per unit: two metrics of every unit, without reading the other metrics' rows.
        builder.HasIndex(t => new { t.CampaignId, t.MetricDefinitionId, t.UnitId, t.Date, t.Value });
    }
}
