using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Users;
using Microsoft.AspNetCore.Identity;

namespace CampaignHub.Web.Data.Seeding;

/// <summary>
/// One demo account per role (Seed:Demo). The password comes from Seed:DemoPassword, which only
/// appsettings.Development.json sets: demo accounts are for trying the app, never for production data.
/// </summary>
internal sealed partial class DemoAccountSeeder(
    UserAccountService accounts,
    UserManager<ApplicationUser> userManager,
    IConfiguration configuration,
    ILogger<DemoAccountSeeder> logger)
{
    public const string PasswordKey = "Seed:DemoPassword";

    public static IReadOnlyList<(string Email, string Role, string DisplayName)> Accounts { get; } =
    [
        ("admin@demo.campaignhub.local", Roles.Admin, "演示管理员 Demo Admin"),
        ("coordinator@demo.campaignhub.local", Roles.Coordinator, "乳腺癌专委会联络员 Demo Coordinator"),
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
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created demo account {Email} ({Role}).")]
    private static partial void LogCreated(ILogger logger, string email, string role);
}
