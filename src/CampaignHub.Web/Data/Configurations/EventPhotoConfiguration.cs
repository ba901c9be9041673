using CampaignHub.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CampaignHub.Web.Data.Configurations;

internal sealed class EventPhotoConfiguration : IEntityTypeConfiguration<EventPhoto>
{
    public void Configure(EntityTypeBuilder<EventPhoto> builder)
    {
        builder.Property(p => p.FileName).HasMaxLength(EventLimits.PhotoFileNameMaxLength);
        builder.Property(p => p.ContentType).HasMaxLength(50);
        builder.Property(p => p.Caption).HasMaxLength(EventLimits.PhotoCaptionMaxLength);
    }
}
