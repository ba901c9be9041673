using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampaignHub.Web.Features.Users;

/// <summary>
/// What an admin does to accounts: list them, create one (with a generated password shown once), change its role,
/// lock or unlock it, and set a coordinator's units. Admins only, and never on their own account, so the
/// association cannot lose its last admin by accident. Each change is written to the audit trail. A role change or a
/// lock renews the account's security stamp and ends its signed-in sessions (<see cref="SessionRevocations"/>).
/// </summary>
public sealed class UserAdministrationService(
    IServiceScopeFactory scopes,
    IDbContextFactory<CampaignHubDbContext> dbFactory,
    SessionRevocations sessions,
    IStringLocalizer<SharedResource> localizer)
{
    public const string AuditEntityType = "User";
    public const int DisplayNameMaxLength = 100;

    public async Task<IReadOnlyList<UserAdminItem>> ListAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        actor.RequireAdmin(localizer["Users_Forbidden"]);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.LockoutEnd, u.TwoFactorEnabled })
            .ToListAsync(cancellationToken);
        var roles = (await (from ur in db.UserRoles
                            join r in db.Roles on ur.RoleId equals r.Id
                            select new { ur.UserId, r.Name }).ToListAsync(cancellationToken))
            .ToLookup(x => x.UserId, x => x.Name!);
        var units = (await (from cc in db.UnitCoordinators
                                 join c in db.Units on cc.UnitId equals c.Id
                                 orderby c.Name
                                 select new { cc.UserId, cc.UnitId, c.Name }).ToListAsync(cancellationToken))
            .ToLookup(x => x.UserId);
        var now = DateTimeOffset.UtcNow;
        return users.Select(u => new UserAdminItem(
                u.Id, u.Email ?? "", u.DisplayName,
                // One role per user; should someone hold several, the most powerful one shows.
                Roles.All.FirstOrDefault(r => roles[u.Id].Contains(r)),
                u.LockoutEnd > now ? u.LockoutEnd : null, u.TwoFactorEnabled,
                units[u.Id].Select(c => c.UnitId).ToList(), units[u.Id].Select(c => c.Name).ToList()))
            .ToList();
    }

    public async Task<CreatedUser> CreateAsync(Actor actor, NewUserInput input, CancellationToken cancellationToken = default)
    {
        actor.RequireAdmin(localizer["Users_Forbidden"]);
        await using var scope = scopes.CreateAsyncScope();
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        var errors = new ValidationErrors();
        var email = input.Email?.Trim();
        if (string.IsNullOrEmpty(email) || !new EmailAddressAttribute().IsValid(email))
        {
            errors.Add("email", localizer["Users_Error_Email"]);
        }
        else if (await userManager.FindByEmailAsync(email) is not null)
        {
            errors.Add("email", string.Format(localizer["Users_Error_EmailTaken"], email));
        }

        if (input.DisplayName?.Trim().Length > DisplayNameMaxLength)
        {
            errors.Add("displayName", string.Format(localizer["Error_TooLong"], DisplayNameMaxLength));
        }

        var role = Roles.Normalise(input.Role);
        if (role is null)
        {
            errors.Add("role", string.Format(localizer["Users_Error_Role"], string.Join(", ", Roles.All)));
        }

        await ValidateUnitsAsync(db, role, input.UnitIds, errors, cancellationToken);
        errors.ThrowIfAny();

        var accounts = scope.ServiceProvider.GetRequiredService<UserAccountService>();
        var result = await accounts.CreateAsync(email, role, password: null, input.DisplayName);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                errors.Add("email", error);
            }

            errors.ThrowIfAny();
        }

        var userId = result.UserId!;
        db.UnitCoordinators.AddRange(input.UnitIds.Distinct().Select(id => new UnitCoordinator { UnitId = id, UserId = userId }));
        Audit(db, userId, "create", new() { ["Email"] = [null, email], ["Role"] = [null, role] });
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedUser(userId, email!, result.GeneratedPassword!);
    }

    /// <summary>Moves the user into exactly one role; someone who stops being a coordinator leaves their units.</summary>
    public async Task SetRoleAsync(Actor actor, string userId, string? role, CancellationToken cancellationToken = default)
    {
        actor.RequireAdmin(localizer["Users_Forbidden"]);
        var roleName = Roles.Normalise(role);
        var errors = new ValidationErrors();
        if (roleName is null)
        {
            errors.Add("role", string.Format(localizer["Users_Error_Role"], string.Join(", ", Roles.All)));
        }

        RequireNotSelf(actor, userId, "role", errors);
        errors.ThrowIfAny();

        await using var scope = scopes.CreateAsyncScope();
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await FindAsync(userManager, userId);
        var current = await userManager.GetRolesAsync(user);
        if (current.Count == 1 && current[0] == roleName)
        {
            return;
        }

        Check(await userManager.RemoveFromRolesAsync(user, current));
        Check(await userManager.AddToRoleAsync(user, roleName!));
        // Signed-in sessions pick up the new role at their next check instead of keeping the old one.
        Check(await userManager.UpdateSecurityStampAsync(user));

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (roleName != Roles.Coordinator)
        {
            db.UnitCoordinators.RemoveRange(await db.UnitCoordinators.Where(c => c.UserId == userId).ToListAsync(cancellationToken));
        }

        Audit(db, userId, "update", new() { ["Role"] = [string.Join(",", current), roleName] });
        await db.SaveChangesAsync(cancellationToken);
        sessions.Revoke(userId);
    }

    /// <summary>
    /// Locks the account until unlocked (its sessions, API tokens and calendar feeds stop working), or unlocks it
    /// (which also lifts a lockout after wrong passwords).
    /// </summary>
    public async Task SetLockedAsync(Actor actor, string userId, bool locked, CancellationToken cancellationToken = default)
    {
        actor.RequireAdmin(localizer["Users_Forbidden"]);
        var errors = new ValidationErrors();
        RequireNotSelf(actor, userId, "locked", errors);
        errors.ThrowIfAny();

        await using var scope = scopes.CreateAsyncScope();
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await FindAsync(userManager, userId);
        var wasLocked = ApplicationUser.IsLockedByAdmin(user.LockoutEnd);
        if (locked)
        {
            Check(await userManager.SetLockoutEnabledAsync(user, true));
            Check(await userManager.SetLockoutEndDateAsync(user, ApplicationUser.LockedByAdminUntil));
            Check(await userManager.UpdateSecurityStampAsync(user));
        }
        else
        {
            Check(await userManager.SetLockoutEndDateAsync(user, null));
            Check(await userManager.ResetAccessFailedCountAsync(user));
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        Audit(db, userId, "update", new() { ["Locked"] = [wasLocked, locked] });
        await db.SaveChangesAsync(cancellationToken);
        if (locked)
        {
            sessions.Revoke(userId);
        }
    }

    /// <summary>Makes the coordinator's units exactly <paramref name="unitIds"/>.</summary>
    public async Task SetUnitsAsync(Actor actor, string userId, IEnumerable<int> unitIds, CancellationToken cancellationToken = default)
    {
        actor.RequireAdmin(localizer["Users_Forbidden"]);
        await using var scope = scopes.CreateAsyncScope();
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await FindAsync(userManager, userId);
        var role = (await userManager.IsInRoleAsync(user, Roles.Coordinator)) ? Roles.Coordinator : null;

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var wanted = unitIds.Distinct().ToList();
        var errors = new ValidationErrors();
        await ValidateUnitsAsync(db, role, wanted, errors, cancellationToken);
        errors.ThrowIfAny();

        var existing = await db.UnitCoordinators.Where(c => c.UserId == userId).ToListAsync(cancellationToken);
        db.UnitCoordinators.RemoveRange(existing.Where(c => !wanted.Contains(c.UnitId)));
        db.UnitCoordinators.AddRange(wanted.Where(id => existing.All(c => c.UnitId != id))
            .Select(id => new UnitCoordinator { UnitId = id, UserId = userId }));
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task ValidateUnitsAsync(CampaignHubDbContext db, string? role, List<int> unitIds, ValidationErrors errors, CancellationToken cancellationToken)
    {
        if (unitIds.Count == 0)
        {
            return;
        }

        // Before the list reaches a query.
        if (unitIds.Count > ListLimits.Units)
        {
            ListLimits.Check(errors, localizer, "unitIds", unitIds.Count, ListLimits.Units);
            return;
        }

        if (role != Roles.Coordinator)
        {
            errors.Add("unitIds", localizer["Users_Error_NotCoordinator"]);
            return;
        }

        var distinct = unitIds.Distinct().ToList();
        var known = await db.Units.Where(c => distinct.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken);
        foreach (var missing in distinct.Except(known))
        {
            errors.Add("unitIds", string.Format(localizer["Event_Error_UnknownUnit"], missing));
        }
    }

    private void RequireNotSelf(Actor actor, string userId, string field, ValidationErrors errors)
    {
        if (actor.UserId == userId)
        {
            errors.Add(field, localizer["Users_Error_Self"]);
        }
    }

    private async Task<ApplicationUser> FindAsync(UserManager<ApplicationUser> userManager, string userId) =>
        await userManager.FindByIdAsync(userId) ?? throw new NotFoundException(string.Format(localizer["Users_NotFound"], userId));

    /// <summary>Identity refuses only on broken invariants (a concurrent edit of the same account); say so plainly.</summary>
    private void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new ConcurrencyConflictException(localizer["Users_Conflict"], string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    /// <summary>
    /// Accounts are not domain records, so their changes are audited here explicitly; the save path stamps the entry
    /// with the time and the scope's user, like every other.
    /// </summary>
    private static void Audit(CampaignHubDbContext db, string userId, string action, Dictionary<string, object?[]> changes) =>
        db.AuditEntries.Add(new AuditEntry
        {
            EntityType = AuditEntityType,
            EntityId = userId,
            Action = action,
            Changes = JsonSerializer.Serialize(changes.ToDictionary(c => c.Key, c => new { old = c.Value[0], @new = c.Value[1] })),
        });
}
