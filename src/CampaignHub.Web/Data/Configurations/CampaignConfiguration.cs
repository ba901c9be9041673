using CampaignHub.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CampaignHub.Web.Data.Configurations;

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.NameEn).HasMaxLength(200);
        builder.Property(c => c.Theme).HasMaxLength(300);
        builder.Property(c => c.ThemeEn).HasMaxLength(300);
        builder.Property(c => c.Edition).HasMaxLength(50);
        builder.Property(c => c.EditionEn).HasMaxLength(50);
        builder.Property(c => c.Description).HasMaxLength(2000);
        builder.Property(c => c.DescriptionEn).HasMaxLength(2000);
        builder.Property(c => c.ReportingMedia).HasMaxLength(500);
        builder.Property(c => c.ReportingMediaEn).HasMaxLength(500);
        builder.Property(c => c.Aim).HasMaxLength(CampaignLimits.AimMaxLength);
        builder.Property(c => c.AimEn).HasMaxLength(CampaignLimits.AimMaxLength);
        // Campaigns from before forms existed are prevention weeks in Chinese: the migration fills them so.
        builder.Property(c => c.Form).HasConversion<CodeConverter<CampaignForm>>().HasMaxLength(30);
        builder.Property(c => c.ReportLanguage).HasMaxLength(CampaignLimits.LanguageMaxLength);
        builder.Property(c => c.PartnerSiteKind).HasConversion<CodeConverter<OrganisationKind>>().HasMaxLength(30);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => c.StartDate);
        // A programme with campaigns is not deleted from under them (ProgrammeService refuses it first).
        builder.HasOne(c => c.Programme).WithMany().HasForeignKey(c => c.ProgrammeId).OnDelete(DeleteBehavior.Restrict);

        builder.HasMany(c => c.Organisers).WithOne().HasForeignKey(o => o.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Units).WithOne().HasForeignKey(o => o.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Targets).WithOne().HasForeignKey(o => o.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Outcomes).WithOne().HasForeignKey(o => o.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Regions).WithOne().HasForeignKey(r => r.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Awards).WithOne().HasForeignKey(a => a.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}
