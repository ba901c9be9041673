using System.ComponentModel.DataAnnotations;
using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CampaignHub.Web.Features.Users;

/// <summary>Creates and lists user accounts; used by the admin commands, start-up seeding and the admin pages.</summary>
public sealed class UserAccountService(
    UserManager<ApplicationUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IDbContextFactory<CampaignHubDbContext> dbFactory)
{
    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roleManager.RoleExistsAsync(role))
            {
                var result = await roleManager.CreateAsync(new IdentityRole(role));
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException($"Could not create role {role}: {Describe(result)}");
                }
            }
        }
    }

    /// <summary>Creates a user in one role. With no password a strong one is generated and returned once.</summary>
    public async Task<CreateUserResult> CreateAsync(string? email, string? role, string? password, string? displayName = null)
    {
        email = email?.Trim();
        if (string.IsNullOrEmpty(email) || !new EmailAddressAttribute().IsValid(email))
        {
            return CreateUserResult.Failed($"'{email}' is not a valid e-mail address.");
        }

        var roleName = Roles.Normalise(role);
        if (roleName is null)
        {
            return CreateUserResult.Failed($"Unknown role '{role}'; use one of {string.Join(", ", Roles.All)}.");
        }

        if (await userManager.FindByEmailAsync(email) is not null)
        {
            return CreateUserResult.Failed($"A user with e-mail {email} already exists.");
        }

        var generated = string.IsNullOrEmpty(password) ? PasswordGenerator.Generate() : null;
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? null : displayName.Trim(),
        };

        await EnsureRolesAsync();
        var created = await userManager.CreateAsync(user, password ?? generated!);
        if (!created.Succeeded)
        {
            return new CreateUserResult(null, null, created.Errors.Select(e => e.Description).ToList());
        }

        var inRole = await userManager.AddToRoleAsync(user, roleName);
        if (!inRole.Succeeded)
        {
            // Never leave a user without a role behind: they could sign in but see nothing.
            await userManager.DeleteAsync(user);
            return new CreateUserResult(null, null, inRole.Errors.Select(e => e.Description).ToList());
        }

        return new CreateUserResult(user.Id, generated, []);
    }

    public async Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var users = await db.Users.AsNoTracking()
            .OrderBy(u => u.Email)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.TwoFactorEnabled, u.LockoutEnd })
            .ToListAsync(cancellationToken);
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           select new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        var rolesByUser = roles.ToLookup(x => x.UserId, x => x.Name!);
        var now = DateTimeOffset.UtcNow;
        return users
            .Select(u => new UserSummary(u.Id, u.Email ?? "", u.DisplayName,
                rolesByUser[u.Id].Order(StringComparer.Ordinal).ToList(), u.TwoFactorEnabled,
                u.LockoutEnd > now ? u.LockoutEnd : null))
            .ToList();
    }

    private static string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(e => e.Description));
}
