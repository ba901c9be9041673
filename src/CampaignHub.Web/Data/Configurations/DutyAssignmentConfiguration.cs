using CampaignHub.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CampaignHub.Web.Data.Configurations;

internal sealed class DutyAssignmentConfiguration : IEntityTypeConfiguration<DutyAssignment>
{
    public void Configure(EntityTypeBuilder<DutyAssignment> builder)
    {
        builder.Property(d => d.Role).HasConversion<CodeConverter<DutyRole>>().HasMaxLength(20);
        builder.Property(d => d.Note).HasMaxLength(300);
        builder.Property(d => d.CreatedById).HasMaxLength(450);
        builder.Property(d => d.Version).IsConcurrencyToken();

        builder.HasOne(d => d.Event).WithMany(e => e.Duties).HasForeignKey(d => d.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(d => d.User).WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);

        // "My duties" and the overlap warning: one person's shifts by time.
        builder.HasIndex(d => new { d.UserId, d.StartsAt });
    }
}
