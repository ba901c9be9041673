using CampaignHub.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CampaignHub.Web.Data.Configurations;

internal sealed class CampaignAwardConfiguration : IEntityTypeConfiguration<CampaignAward>
{
    public void Configure(EntityTypeBuilder<CampaignAward> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(CampaignLimits.AwardNameMaxLength);
        builder.Property(a => a.NameEn).HasMaxLength(CampaignLimits.AwardNameMaxLength);
        // An event that is deleted leaves the award standing, no longer tied to it.
        builder.HasOne(a => a.Event).WithMany().HasForeignKey(a => a.EventId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(a => a.Recipients).WithOne().HasForeignKey(r => r.AwardId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AwardRecipientConfiguration : IEntityTypeConfiguration<AwardRecipient>
{
    public void Configure(EntityTypeBuilder<AwardRecipient> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(CampaignLimits.RecipientNameMaxLength);
        builder.Property(r => r.NameEn).HasMaxLength(CampaignLimits.RecipientNameMaxLength);
        builder.Property(r => r.Organisation).HasMaxLength(CampaignLimits.RecipientOrganisationMaxLength);
        builder.Property(r => r.OrganisationEn).HasMaxLength(CampaignLimits.RecipientOrganisationMaxLength);
    }
}
