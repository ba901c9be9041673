using CampaignHub.Web.Data.Seeding.Shanxi;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CampaignHub.Web.Data.Seeding;

/// <summary>
/// One demo account per role (Seed:Demo). The password comes from Seed:DemoPassword, which only
/// appsettings.Development.json sets: demo accounts are for trying the app, never for production data. The demo
/// coordinator coordinates the breast-cancer unit of the Shanxi demo data.
/// </summary>
internal sealed partial class DemoAccountSeeder(
    UserAccountService accounts,
    UserManager<ApplicationUser> userManager,
    IDbContextFactory<CampaignHubDbContext> dbFactory,
    IConfiguration configuration,
    ILogger<DemoAccountSeeder> logger)
{
    public const string PasswordKey = "Seed:DemoPassword";

    public const string CoordinatorEmail = "coordinator@demo.campaignhub.local";

    public const string CoordinatorUnit = ShanxiUnits.BreastCancer;

    public static IReadOnlyList<(string Email, string Role, string DisplayName)> Accounts { get; } =
    [
        ("admin@demo.campaignhub.local", Roles.Admin, "演示管理员 Demo Admin"),
        (CoordinatorEmail, Roles.Coordinator, "乳腺癌专委会联络员 Demo Coordinator"),
        ("staff@demo.campaignhub.local", Roles.Staff, "医院职工 Demo Staff"),
    ];

    public async Task SeedAsync()
    {
        var password = configuration[PasswordKey];
        foreach (var (email, role, displayName) in Accounts)
        {
            if (await userManager.FindByEmailAsync(email) is not null)
            {
                continue;
            }

            var result = await accounts.CreateAsync(email, role, string.IsNullOrEmpty(password) ? null : password, displayName);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Could not create demo account {email}: {string.Join(" ", result.Errors)}");
            }

            LogCreated(logger, email, role);
        }

        await AssignCoordinatorUnitAsync();
    }

    /// <summary>Links the demo coordinator to the breast-cancer unit once both exist (also after an upgrade).</summary>
    private async Task AssignCoordinatorUnitAsync()
    {
        var coordinator = await userManager.FindByEmailAsync(CoordinatorEmail);
        await using var db = await dbFactory.CreateDbContextAsync();
        var unitId = await db.Units.Where(c => c.Name == CoordinatorUnit).Select(c => (int?)c.Id).FirstOrDefaultAsync();
        if (coordinator is null || unitId is not { } id
            || await db.UnitCoordinators.AnyAsync(c => c.UnitId == id && c.UserId == coordinator.Id))
        {
            return;
        }

        db.UnitCoordinators.Add(new UnitCoordinator { UnitId = id, UserId = coordinator.Id });
        await db.SaveChangesAsync();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created demo account {Email} ({Role}).")]
    private static partial void LogCreated(ILogger logger, string email, string role);
}
