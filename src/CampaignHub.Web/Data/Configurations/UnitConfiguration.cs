using CampaignHub.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CampaignHub.Web.Data.Configurations;

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.Property(c => c.NameEn).HasMaxLength(200);
        builder.Property(c => c.Kind).HasConversion<CodeConverter<UnitKind>>().HasMaxLength(20);
        builder.HasOne(c => c.Organisation).WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => c.Name).IsUnique();
        builder.HasMany(c => c.Coordinators).WithOne().HasForeignKey(c => c.UnitId).OnDelete(DeleteBehavior.Cascade);
    }
}
