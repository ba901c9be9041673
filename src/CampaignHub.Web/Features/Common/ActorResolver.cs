using System.Security.Claims;
using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CampaignHub.Web.Features.Common;

/// <summary>
/// Builds the <see cref="Actor"/> for a principal: roles from its claims, committees from the database. Every page and
/// API call resolves its user here, in its own scope (a Blazor circuit, an API request), so this is where the scope's
/// <see cref="CurrentUser"/> is recorded: the save path stamps and audits the scope's writes with that user.
/// </summary>
public sealed class ActorResolver(IDbContextFactory<CampaignHubDbContext> dbFactory, CurrentUser currentUser)
{
    public async Task<Actor> ResolveAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier)
                     ?? throw new ForbiddenException("Not signed in.");
        var isCoordinator = principal.IsInRole(Roles.Coordinator);
        IReadOnlySet<int> committees = new HashSet<int>();
        if (isCoordinator)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            committees = (await db.CommitteeCoordinators.Where(c => c.UserId == userId)
                .Select(c => c.CommitteeId).ToListAsync(cancellationToken)).ToHashSet();
        }

        var actor = new Actor(userId, principal.FindFirstValue(ClaimTypes.Email) ?? principal.Identity?.Name,
            principal.IsInRole(Roles.Admin), isCoordinator, committees);
        currentUser.Set(actor.AuditActor);
        return actor;
    }
}
