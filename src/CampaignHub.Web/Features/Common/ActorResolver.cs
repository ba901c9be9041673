using System.Security.Claims;
using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CampaignHub.Web.Features.Common;

/// <summary>
/// Builds the <see cref="Actor"/> for a principal: roles and units from the database, as they are now, not from
/// the sign-in cookie's claims (which an admin's demotion or lock leaves behind until the session's next check), so no
/// write or admin read ever runs on a stale role. An account an admin locked gets no role at all. Every page and API
/// call resolves its user here, in its own scope (a Blazor circuit, an API request), so this is where the scope's
/// <see cref="CurrentUser"/> is recorded: the save path stamps and audits the scope's writes with that user.
/// </summary>
public sealed class ActorResolver(IDbContextFactory<CampaignHubDbContext> dbFactory, CurrentUser currentUser)
{
    public async Task<Actor> ResolveAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier)
                     ?? throw new ForbiddenException("Not signed in.");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var account = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new
            {
                u.LockoutEnd,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToList(),
                Units = db.UnitCoordinators.Where(c => c.UserId == u.Id).Select(c => c.UnitId).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        IReadOnlySet<string> roles = account is null || ApplicationUser.IsLockedByAdmin(account.LockoutEnd) ? new HashSet<string>() : account.Roles.OfType<string>().ToHashSet();
        var isCoordinator = roles.Contains(Roles.Coordinator);
        IReadOnlySet<int> units = isCoordinator ? account!.Units.ToHashSet() : new HashSet<int>();

        var actor = new Actor(userId, principal.FindFirstValue(ClaimTypes.Email) ?? principal.Identity?.Name,
            roles.Contains(Roles.Admin), isCoordinator, units);
        currentUser.Set(actor.AuditActor);
        return actor;
    }
}
