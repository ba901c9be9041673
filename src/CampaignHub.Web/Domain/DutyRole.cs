namespace CampaignHub.Web.Domain;

/// <summary>What someone on duty at an event does. Stored and exchanged as snake_case codes: <see cref="Codes{TEnum}"/>.</summary>
public enum DutyRole
{
    Expert,
    Nurse,
    Volunteer,
    Organiser,
    Media,
    Other,
}
