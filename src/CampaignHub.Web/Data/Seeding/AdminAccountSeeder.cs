using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Users;
using CampaignHub.Web.Hosting;
using Microsoft.AspNetCore.Identity;

namespace CampaignHub.Web.Data.Seeding;

/// <summary>On an empty database, creates the first admin from Admin:Email and Admin:Password.</summary>
internal sealed partial class AdminAccountSeeder(
    UserAccountService accounts,
    UserManager<ApplicationUser> userManager,
    IConfiguration configuration,
    ILogger<AdminAccountSeeder> logger)
{
    public const string EmailKey = "Admin:Email";
    public const string PasswordKey = "Admin:Password";
    public const string DefaultEmail = "admin@campaignhub.local";

    public async Task SeedAsync()
    {
        await accounts.EnsureRolesAsync();
        if (userManager.Users.Any())
        {
            return;
        }

        var email = configuration[EmailKey];
        email = string.IsNullOrWhiteSpace(email) ? DefaultEmail : email.Trim();
        var password = configuration[PasswordKey];
        var result = await accounts.CreateAsync(email, Roles.Admin, string.IsNullOrEmpty(password) ? null : password, "Administrator");
        if (!result.Succeeded)
        {
            var key = result.Errors.Any(e => e.Contains("e-mail", StringComparison.OrdinalIgnoreCase)) ? EmailKey : PasswordKey;
            throw new StartupConfigurationException(key, string.Join(" ", result.Errors));
        }

        if (result.GeneratedPassword is not null)
        {
            // The one secret ever written to a log, by design: the operator needs it once to sign in.
            LogGeneratedPassword(logger, email, result.GeneratedPassword);
        }
        else
        {
            LogCreatedAdmin(logger, email);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "No Admin:Password was set. Created the admin account {Email} with the generated password {Password} . Sign in and change it; it is not shown again.")]
    private static partial void LogGeneratedPassword(ILogger logger, string email, string password);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the admin account {Email} from configuration.")]
    private static partial void LogCreatedAdmin(ILogger logger, string email);
}
