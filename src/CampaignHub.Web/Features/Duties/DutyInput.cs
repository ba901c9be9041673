namespace CampaignHub.Web.Features.Duties;

/// <summary>
/// What a user or API caller submits to put someone on duty at an event. The person is named by <c>userId</c> or
/// <c>userEmail</c> (on a change, neither keeps the person); <c>role</c> is a <see cref="Domain.DutyRole"/> code.
/// </summary>
public sealed class DutyInput
{
    public string? UserId { get; set; }

    public string? UserEmail { get; set; }

    public string? Role { get; set; }

    public DateTime? Start { get; set; }

    public DateTime? End { get; set; }

    public string? Note { get; set; }

    /// <summary>The version the change is based on (the concurrency token); required to update.</summary>
    public long? Version { get; set; }
}
