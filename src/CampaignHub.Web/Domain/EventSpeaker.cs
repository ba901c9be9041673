namespace CampaignHub.Web.Domain;

/// <summary>
/// A person on an event's programme in one <see cref="ProgrammeRole"/>: a speaker and their talk, a leader's
/// speech, a moderator or discussant of a session, a member or the leader of the visiting expert team. Kept under
/// its first name (its table and the audit trail's entries say EventSpeaker) from when talks were all it held.
/// </summary>
public sealed class EventSpeaker : IAudited
{
    public int Id { get; set; }

    public int EventId { get; set; }

    public ProgrammeRole Role { get; set; }

    public required string Name { get; set; }

    /// <summary>Post or academic title as the report puts it before the name: 院长, 副主任, 主任医师.</summary>
    public string? Position { get; set; }

    /// <summary>The person's department: 胸外科, 病理科.</summary>
    public string? Department { get; set; }

    /// <summary>The person's organisation: 辽宁省肿瘤医院.</summary>
    public string? Affiliation { get; set; }

    /// <summary>A talk's title, printed in 《》 (quotes in English).</summary>
    public string? TalkTitle { get; set; }

    /// <summary>What the person chairs, discusses or presents without a title: 肺癌专题讨论, 乳腺癌病例分享.</summary>
    public string? Topic { get; set; }

    public int SortOrder { get; set; }
}
