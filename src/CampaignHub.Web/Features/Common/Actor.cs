using CampaignHub.Web.Data;

namespace CampaignHub.Web.Features.Common;

/// <summary>
/// The signed-in user as the services see them: who, in which roles, coordinating which units. Every write
/// path asks this, so the rules hold for the UI and the API alike.
/// </summary>
public sealed record Actor(string UserId, string? Email, bool IsAdmin, bool IsCoordinator, IReadOnlySet<int> UnitIds)
{
    public AuditActor AuditActor => new(UserId, Email);

    /// <summary>Admins write everything; a coordinator writes when one of the units is theirs (joint events).</summary>
    public bool CanWriteForUnits(IEnumerable<int> unitIds) =>
        IsAdmin || (IsCoordinator && unitIds.Any(UnitIds.Contains));

    public void RequireAdmin(string message)
    {
        if (!IsAdmin)
        {
            throw new ForbiddenException(message);
        }
    }
}
