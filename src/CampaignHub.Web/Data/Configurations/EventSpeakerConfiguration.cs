using CampaignHub.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CampaignHub.Web.Data.Configurations;

internal sealed class EventSpeakerConfiguration : IEntityTypeConfiguration<EventSpeaker>
{
    public void Configure(EntityTypeBuilder<EventSpeaker> builder)
    {
        // Rows from before the programme had roles were all talks; the column says so for them.
        builder.Property(s => s.Role).HasConversion<CodeConverter<ProgrammeRole>>().HasMaxLength(20).HasDefaultValue(ProgrammeRole.Talk);
        builder.Property(s => s.Name).HasMaxLength(EventLimits.SpeakerNameMaxLength);
        builder.Property(s => s.Position).HasMaxLength(EventLimits.PersonPositionMaxLength);
        builder.Property(s => s.Department).HasMaxLength(EventLimits.PersonDepartmentMaxLength);
        builder.Property(s => s.Affiliation).HasMaxLength(EventLimits.SpeakerAffiliationMaxLength);
        builder.Property(s => s.TalkTitle).HasMaxLength(EventLimits.SpeakerTalkTitleMaxLength);
        builder.Property(s => s.Topic).HasMaxLength(EventLimits.PersonTopicMaxLength);
    }
}
