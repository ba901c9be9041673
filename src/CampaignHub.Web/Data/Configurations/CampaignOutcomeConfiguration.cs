using CampaignHub.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CampaignHub.Web.Data.Configurations;

internal sealed class CampaignOutcomeConfiguration : IEntityTypeConfiguration<CampaignOutcome>
{
    public void Configure(EntityTypeBuilder<CampaignOutcome> builder)
    {
        builder.Property(o => o.Name).HasMaxLength(200);
        builder.Property(o => o.NameEn).HasMaxLength(200);
        builder.Property(o => o.Note).HasMaxLength(500);
        builder.Property(o => o.RatePercent).HasPrecision(5, 2);
        // Outcomes stored before kinds existed were measured rates: the migration fills them so.
        builder.Property(o => o.Kind).HasConversion<CodeConverter<OutcomeKind>>().HasMaxLength(20);
        builder.Property(o => o.Bound).HasConversion<CodeConverter<OutcomeBound>>().HasMaxLength(20);
        builder.Property(o => o.Numerator).HasPrecision(18, 2);
        builder.Property(o => o.Denominator).HasPrecision(18, 2);
        builder.Property(o => o.TargetPercent).HasPrecision(5, 2);
        builder.Property(o => o.Method).HasMaxLength(CampaignLimits.OutcomeMethodMaxLength);
        builder.Property(o => o.MethodEn).HasMaxLength(CampaignLimits.OutcomeMethodMaxLength);
        // A metric an outcome is computed from is retired, never deleted; the restriction keeps it so.
        builder.HasOne(o => o.NumeratorMetric).WithMany().HasForeignKey(o => o.NumeratorMetricId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(o => o.DenominatorMetric).WithMany().HasForeignKey(o => o.DenominatorMetricId).OnDelete(DeleteBehavior.Restrict);
    }
}
