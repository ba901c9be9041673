using CampaignHub.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CampaignHub.Web.Data.Configurations;

internal sealed class EventSpeakerConfiguration : IEntityTypeConfiguration<EventSpeaker>
{
    public void Configure(EntityTypeBuilder<EventSpeaker> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(EventLimits.SpeakerNameMaxLength);
        builder.Property(s => s.Affiliation).HasMaxLength(EventLimits.SpeakerAffiliationMaxLength);
        builder.Property(s => s.TalkTitle).HasMaxLength(EventLimits.SpeakerTalkTitleMaxLength);
    }
}
