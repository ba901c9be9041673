using CampaignHub.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CampaignHub.Web.Data.Configurations;

internal sealed class ReminderRequestConfiguration : IEntityTypeConfiguration<ReminderRequest>
{
    public void Configure(EntityTypeBuilder<ReminderRequest> builder)
    {
        builder.Property(r => r.Kind).HasConversion<CodeConverter<ReminderKind>>().HasMaxLength(20);
        builder.Property(r => r.CreatedById).HasMaxLength(450);
        builder.Property(r => r.ClaimedBy).HasMaxLength(200);
        builder.Property(r => r.LastError).HasMaxLength(1_000);
        builder.HasOne(r => r.ReportingPeriod).WithMany().HasForeignKey(r => r.ReportingPeriodId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Unit).WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Campaign>().WithMany().HasForeignKey(r => r.CampaignId).OnDelete(DeleteBehavior.Restrict);

        // An automatic reminder (before the due date, overdue) goes out once per unit and period, even when several
        // app instances decide to send it at the same moment: the second insert fails (the same filter text works for
        // both providers).
        builder.HasIndex(r => new { r.ReportingPeriodId, r.UnitId, r.Kind })
            .IsUnique()
            .HasFilter("\"Kind\" <> 'manual'")
            .HasDatabaseName("IX_ReminderRequests_OncePerKind");
        // The sender's queue: what is not delivered yet.
        builder.HasIndex(r => new { r.DeliveredAt, r.ClaimedUntil });
    }
}
