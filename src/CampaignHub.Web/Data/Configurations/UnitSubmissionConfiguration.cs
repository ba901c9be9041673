using CampaignHub.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CampaignHub.Web.Data.Configurations;

internal sealed class UnitSubmissionConfiguration : IEntityTypeConfiguration<UnitSubmission>
{
    public void Configure(EntityTypeBuilder<UnitSubmission> builder)
    {
        builder.Property(s => s.Status).HasConversion<CodeConverter<SubmissionStatus>>().HasMaxLength(20);
        builder.Property(s => s.Note).HasMaxLength(ReportingLimits.NoteMaxLength);
        builder.Property(s => s.ExcuseReason).HasMaxLength(ReportingLimits.ExcuseReasonMaxLength);
        builder.Property(s => s.SubmittedById).HasMaxLength(450);
        builder.Property(s => s.ReviewedById).HasMaxLength(450);
        builder.Property(s => s.UpdatedById).HasMaxLength(450);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasOne(s => s.ReportingPeriod).WithMany().HasForeignKey(s => s.ReportingPeriodId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Unit).WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Campaign>().WithMany().HasForeignKey(s => s.CampaignId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Figures).WithOne().HasForeignKey<UnitSubmissionFigures>(f => f.SubmissionId).OnDelete(DeleteBehavior.Cascade);

        // One submission per unit and period, however many submit at once.
        builder.HasIndex(s => new { s.ReportingPeriodId, s.UnitId }).IsUnique();
        // The completeness board: a campaign's submissions, all periods at once.
        builder.HasIndex(s => new { s.CampaignId, s.ReportingPeriodId });
    }
}
