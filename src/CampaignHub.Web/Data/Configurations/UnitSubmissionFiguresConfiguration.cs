using CampaignHub.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CampaignHub.Web.Data.Configurations;

internal sealed class UnitSubmissionFiguresConfiguration : IEntityTypeConfiguration<UnitSubmissionFigures>
{
    public void Configure(EntityTypeBuilder<UnitSubmissionFigures> builder)
    {
        builder.HasKey(f => f.SubmissionId);
        builder.ToTable("UnitSubmissionFigures");
    }
}
