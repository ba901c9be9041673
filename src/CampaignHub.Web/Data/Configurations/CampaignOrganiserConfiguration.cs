using CampaignHub.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CampaignHub.Web.Data.Configurations;

internal sealed class CampaignOrganiserConfiguration : IEntityTypeConfiguration<CampaignOrganiser>
{
    public void Configure(EntityTypeBuilder<CampaignOrganiser> builder)
    {
        builder.HasKey(o => new { o.CampaignId, o.OrganisationId });
        // Organisations listed before roles existed organised their campaigns: the migration fills them so.
        builder.Property(o => o.Role).HasConversion<CodeConverter<OrganiserRole>>().HasMaxLength(20);
        builder.HasOne(o => o.Organisation).WithMany().HasForeignKey(o => o.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
