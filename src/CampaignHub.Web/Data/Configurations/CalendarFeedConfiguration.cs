using CampaignHub.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CampaignHub.Web.Data.Configurations;

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> builder)
    {
        builder.Property(f => f.Scope).HasConversion<CodeConverter<CalendarFeedScope>>().HasMaxLength(20);
        builder.Property(f => f.Name).HasMaxLength(100);
        builder.Property(f => f.TokenHash).HasMaxLength(64);
        builder.Property(f => f.Prefix).HasMaxLength(16);
        builder.HasIndex(f => f.TokenHash).IsUnique();
        builder.HasOne(f => f.User).WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(f => f.Unit).WithMany().HasForeignKey(f => f.UnitId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(f => f.Campaign).WithMany().HasForeignKey(f => f.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}
