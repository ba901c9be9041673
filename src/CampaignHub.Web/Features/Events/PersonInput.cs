namespace CampaignHub.Web.Features.Events;

/// <summary>
/// A person on an event's programme as submitted: their role (a <see cref="Domain.ProgrammeRole"/> code; none: a
/// talk, as every speaker was before roles), who they are, and their talk's title or the topic they chair.
/// </summary>
public sealed class PersonInput
{
    [System.ComponentModel.Description("talk (default), speech, moderator, discussant, expert or team_leader")]
    public string? Role { get; set; }

    public string? Name { get; set; }

    /// <summary>Post or title before the name: 院长, 主任医师.</summary>
    public string? Position { get; set; }

    public string? Department { get; set; }

    public string? Affiliation { get; set; }

    /// <summary>A talk's title (talks only).</summary>
    public string? TalkTitle { get; set; }

    /// <summary>What a moderator chairs, a discussant discusses, or a talk without a title presents.</summary>
    public string? Topic { get; set; }

    public PersonInput Copy() => (PersonInput)MemberwiseClone();
}
