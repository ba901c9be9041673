using CampaignHub.Web.Domain;

namespace CampaignHub.Web.Features.Events;

/// <summary>A person on an event's programme as returned: role (as its code), who, and their talk or topic.</summary>
public sealed record PersonDetails(
    ProgrammeRole Role, string Name, string? Position, string? Department, string? Affiliation, string? TalkTitle, string? Topic)
{
    public PersonInput ToInput() => new()
    {
        Role = Codes<ProgrammeRole>.Of(Role), Name = Name, Position = Position, Department = Department,
        Affiliation = Affiliation, TalkTitle = TalkTitle, Topic = Topic,
    };
}
