using CampaignHub.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CampaignHub.Web.Data.Configurations;

internal sealed class ProgrammeConfiguration : IEntityTypeConfiguration<Programme>
{
    public void Configure(EntityTypeBuilder<Programme> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(ProgrammeLimits.NameMaxLength);
        builder.Property(p => p.NameEn).HasMaxLength(ProgrammeLimits.NameMaxLength);
        builder.Property(p => p.Description).HasMaxLength(ProgrammeLimits.DescriptionMaxLength);
        builder.Property(p => p.DescriptionEn).HasMaxLength(ProgrammeLimits.DescriptionMaxLength);
        builder.Property(p => p.Version).IsConcurrencyToken();
        // A programme with sub-programmes is not deleted from under them (ProgrammeService refuses it first).
        builder.HasOne(p => p.Parent).WithMany().HasForeignKey(p => p.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
