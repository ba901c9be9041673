using CampaignHub.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CampaignHub.Web.Data.Configurations;

internal sealed class OutgoingEmailConfiguration : IEntityTypeConfiguration<OutgoingEmail>
{
    public void Configure(EntityTypeBuilder<OutgoingEmail> builder)
    {
        builder.Property(m => m.ToAddress).HasMaxLength(NotificationLimits.AddressMaxLength);
        builder.Property(m => m.ToName).HasMaxLength(NotificationLimits.NameMaxLength);
        builder.Property(m => m.Subject).HasMaxLength(NotificationLimits.SubjectMaxLength);
        builder.Property(m => m.Body).HasMaxLength(NotificationLimits.BodyMaxLength);
        builder.Property(m => m.LastError).HasMaxLength(NotificationLimits.ErrorMaxLength);
        builder.Property(m => m.ClaimedBy).HasMaxLength(NotificationLimits.ClaimedByMaxLength);
        // The e-mail outlives its notification (a person's list may be cleared); it is only its copy.
        builder.HasOne(m => m.Notification).WithMany().HasForeignKey(m => m.NotificationId).OnDelete(DeleteBehavior.SetNull);
        // The sender's queue: what is not sent yet, by when it may be tried.
        builder.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
    }
}
