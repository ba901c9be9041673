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

    /// <summary>A web address: an article's or a video's, with its query string (WeChat article links run to ~300).</summary>
    public const int LinkMaxLength = 1_000;
    public const int LocationMaxLength = 300;
    public const int SeriesNameMaxLength = 200;
    public const int SectionGroupMaxLength = 100;
    public const int NarrativeMaxLength = 20_000;
    public const int SpeakerNameMaxLength = 100;
    public const int SpeakerAffiliationMaxLength = 200;
    public const int SpeakerTalkTitleMaxLength = 300;
    public const int PersonPositionMaxLength = 100;
    public const int PersonDepartmentMaxLength = 100;
    public const int PersonTopicMaxLength = 200;

    /// <summary>A name with its post and organisation, as the report says who handed over to whom.</summary>
    public const int HandoverPersonMaxLength = 200;

    /// <summary>Stops of one series: a province's counties are a few dozen to a hundred.</summary>
    public const int MaxStopNumber = 1_000;

    /// <summary>A visiting team is ten or twenty experts; a thousand is a typo.</summary>
    public const int MaxExpertTeamSize = 1_000;

    /// <summary>A longer upload name keeps its end, where the extension is.</summary>
    public const int PhotoFileNameMaxLength = 200;
    public const int PhotoCaptionMaxLength = 300;
}
