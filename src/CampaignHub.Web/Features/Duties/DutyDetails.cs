using CampaignHub.Web.Domain;

namespace CampaignHub.Web.Features.Duties;

/// <summary>
/// One person on an event's roster: who (<see cref="UserName"/> is the display name, or the e-mail without one),
/// their role code and its localised name, and their shift in the association's wall-clock time.
/// </summary>
public record DutyDetails(
    int Id,
    int EventId,
    string UserId,
    string UserName,
    string? UserEmail,
    DutyRole Role,
    string RoleName,
    DateTime Start,
    DateTime End,
    string? Note,
    long Version);
