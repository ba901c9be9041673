using CampaignHub.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CampaignHub.Web.Data.Configurations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.Property(o => o.Name).HasMaxLength(200);
        builder.Property(o => o.NameEn).HasMaxLength(200);
        builder.Property(o => o.Address).HasMaxLength(300);
        builder.Property(o => o.Kind).HasConversion<CodeConverter<OrganisationKind>>().HasMaxLength(30);
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.HasOne(o => o.Parent).WithMany().HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(o => o.Venues).WithOne(v => v.Organisation).HasForeignKey(v => v.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(o => o.Name).IsUnique();
    }
}
