using CampaignHub.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CampaignHub.Web.Data.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.Kind).HasConversion<CodeConverter<NotificationKind>>().HasMaxLength(40);
        builder.Property(n => n.Parameters).HasMaxLength(NotificationLimits.ParametersMaxLength);
        builder.Property(n => n.Link).HasMaxLength(NotificationLimits.LinkMaxLength);
        // A person's notifications go with their account.
        builder.HasOne(n => n.User).WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        // The bell's count and the list: a person's newest first, unread ones found without a scan.
        builder.HasIndex(n => new { n.UserId, n.ReadAt, n.Id });
    }
}
