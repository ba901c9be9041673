using CampaignHub.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CampaignHub.Web.Data.Configurations;

internal sealed class MetricValueConfiguration : IEntityTypeConfiguration<MetricValue>
{
    public void Configure(EntityTypeBuilder<MetricValue> builder)
    {
        // Stored as a double: SQLite cannot sum decimals in SQL, and totals must be aggregated in the database.
        // Counts up to 2^53 stay exact.
        builder.Property(v => v.Value).HasConversion<double>();
        builder.Property(v => v.UpdatedById).HasMaxLength(450);
        builder.Property(v => v.Version).IsConcurrencyToken();

        builder.HasOne(v => v.Metric).WithMany().HasForeignKey(v => v.MetricDefinitionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(v => v.Unit).WithMany().HasForeignKey(v => v.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Campaign>().WithMany().HasForeignKey(v => v.CampaignId).OnDelete(DeleteBehavior.Restrict);

        // One value per event and metric; one per campaign, unit, day and metric for campaign-level entries.
        builder.HasIndex(v => new { v.EventId, v.MetricDefinitionId }).IsUnique().HasFilter("EventId IS NOT NULL");
        builder.HasIndex(v => new { v.CampaignId, v.UnitId, v.Date, v.MetricDefinitionId }).IsUnique().HasFilter("EventId IS NULL");
        // Totals: one campaign, one period, grouped by metric.
        builder.HasIndex(v => new { v.CampaignId, v.Date, v.MetricDefinitionId });
    }
}
