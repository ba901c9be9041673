namespace CampaignHub.Web.Domain;

/// <summary>
/// A person on duty at an event: their role and their shift, which lies within the event's time. Times are the
/// association's wall-clock time, like the event's.
/// </summary>
public sealed class DutyAssignment : IVersioned, IAudited, ICreatedBy
{
    public int Id { get; set; }

    public int EventId { get; set; }

    public CampaignEvent? Event { get; set; }

    public required string UserId { get; set; }

    public ApplicationUser? User { get; set; }

    public DutyRole Role { get; set; }

    public DateTime StartsAt { get; set; }

    public DateTime EndsAt { get; set; }

    public string? Note { get; set; }

    public DateTime CreatedAt { get; set; }

    public string? CreatedById { get; set; }

    public long Version { get; set; }
}
