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
    }
}
