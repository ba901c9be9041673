using CampaignHub.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CampaignHub.Web.Data.Configurations;

internal sealed class ReportingPeriodConfiguration : IEntityTypeConfiguration<ReportingPeriod>
{
    public void Configure(EntityTypeBuilder<ReportingPeriod> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(ReportingLimits.PeriodNameMaxLength);
        builder.Property(p => p.NameEn).HasMaxLength(ReportingLimits.PeriodNameEnMaxLength);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne(p => p.Campaign).WithMany().HasForeignKey(p => p.CampaignId).OnDelete(DeleteBehavior.Restrict);

        // A campaign's periods in order; "which periods overlap this one?" on every create.
        builder.HasIndex(p => new { p.CampaignId, p.From });
    }
}
