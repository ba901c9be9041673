using CampaignHub.Web.Data;

namespace CampaignHub.Web.Features.Common;

/// <summary>
/// The signed-in user as the services see them: who, in which roles, coordinating which committees. Every write
/// path asks this, so the rules hold for the UI and the API alike.
/// </summary>
public sealed record Actor(string UserId, string? Email, bool IsAdmin, bool IsCoordinator, IReadOnlySet<int> CommitteeIds)
{
    public AuditActor AuditActor => new(UserId, Email);

    /// <summary>Admins write everything; a coordinator writes when one of the committees is theirs (joint events).</summary>
    public bool CanWriteForCommittees(IEnumerable<int> committeeIds) =>
        IsAdmin || (IsCoordinator && committeeIds.Any(CommitteeIds.Contains));

    public void RequireAdmin(string message)
    {
        if (!IsAdmin)
        {
            throw new ForbiddenException(message);
        }
    }
}
