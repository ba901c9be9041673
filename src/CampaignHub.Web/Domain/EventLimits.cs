namespace CampaignHub.Web.Domain;

/// <summary>
/// The lengths an event's texts may have. The database columns (<c>CampaignEventConfiguration</c>,
/// <c>EventSpeakerConfiguration</c>, <c>EventPhotoConfiguration</c>), the rules every write path checks and the
/// form's input limits all read these.
/// </summary>
public static class EventLimits
{
    public const int TitleMaxLength = 200;
    public const int PlatformDetailMaxLength = 100;
    public const int LocationMaxLength = 300;
    public const int SeriesNameMaxLength = 200;
    public const int SectionGroupMaxLength = 100;
    public const int NarrativeMaxLength = 20_000;
    public const int SpeakerNameMaxLength = 100;
    public const int SpeakerAffiliationMaxLength = 200;
    public const int SpeakerTalkTitleMaxLength = 300;

    /// <summary>A conference lists a few dozen; 20,000 once took minutes to delete.</summary>
    public const int MaxSpeakers = 50;

    /// <summary>A longer upload name keeps its end, where the extension is.</summary>
    public const int PhotoFileNameMaxLength = 200;
    public const int PhotoCaptionMaxLength = 300;
}
