using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Api;
using CampaignHub.Web.Features.CalendarFeeds;
using CampaignHub.Web.Features.Common;
using CampaignHub.Web.Features.Users;
using Microsoft.AspNetCore.Identity;

namespace CampaignHub.Web.Features.AdminCommands;

/// <summary>
/// The admin commands the app's executable runs instead of the web server. Plain text out; exit code 0 on success,
/// 1 when the operation failed, 2 when the command line is wrong.
/// </summary>
public static class AdminCommandLine
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;

    private static readonly HashSet<string> Commands = new(StringComparer.Ordinal) { "migrate", "users", "tokens", "feeds", "help", "--help" };

    public const string HelpText = """
        CampaignHub admin commands (run instead of the web server):
          migrate                                          apply database migrations and create the first admin
          users add --email E --role R [--password P] [--name N]
                                                           add a user; R is Admin, Coordinator or Staff;
                                                           without --password a strong one is generated and printed
          users list                                       list users with their roles
          tokens create --email E [--name N]               create a personal access token for the API;
                                                           the token is printed once, as the last line
          feeds create --email E [--unit ID | --campaign ID] [--name N]
                                                           create a calendar feed: the user's duties, or a
                                                           unit's or campaign's events; its secret path
                                                           /calendar/<token>.ics is printed once, as the last line
        Configuration (database, admin) is read as for the web server: appsettings, environment variables.
        """;

    public static bool IsAdminCommand(string[] args) => args.Length > 0 && Commands.Contains(args[0]);

    /// <summary>Command words are not configuration: the host gets no command-line arguments.</summary>
    public static string[] HostArgs(string[] args) => [];

    /// <summary>Commands print plain text: only warnings and errors reach the log.</summary>
    public static void QuietLogging(IConfigurationManager configuration) =>
        configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["Serilog:MinimumLevel:Override:Microsoft"] = "Warning",
            ["Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore"] = "Warning",
            ["Serilog:MinimumLevel:Override:CampaignHub"] = "Warning",
        });

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        switch (args)
        {
            case ["help" or "--help"]:
                await output.WriteLineAsync(HelpText);
                return Ok;
            case ["migrate"]:
                await services.InitializeCampaignHubDatabaseAsync();
                var settings = services.GetRequiredService<DatabaseSettings>();
                await output.WriteLineAsync($"Database is up to date ({settings.Provider}).");
                return Ok;
            case ["users", "add", .. var options]:
                return await AddUserAsync(services, options, output, error);
            case ["users", "list"]:
                return await ListUsersAsync(services, output);
            case ["tokens", "create", .. var options]:
                return await CreateTokenAsync(services, options, output, error);
            case ["feeds", "create", .. var options]:
                return await CreateFeedAsync(services, options, output, error);
            default:
                await error.WriteLineAsync($"Unknown command: {string.Join(' ', args)}");
                await error.WriteLineAsync(HelpText);
                return Usage;
        }
    }

    private static async Task<int> AddUserAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        if (!CommandOptions.TryParse(args, ["--email", "--role", "--password", "--name"], out var options, out var problem))
        {
            await error.WriteLineAsync(problem);
            return Usage;
        }

        foreach (var required in new[] { "--email", "--role" })
        {
            if (!options.ContainsKey(required))
            {
                await error.WriteLineAsync($"Missing {required}. Usage: users add --email E --role R [--password P] [--name N]");
                return Usage;
            }
        }

        await services.InitializeCampaignHubDatabaseAsync();
        await using var scope = services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<UserAccountService>();
        var result = await accounts.CreateAsync(options["--email"], options["--role"],
            options.GetValueOrDefault("--password"), options.GetValueOrDefault("--name"));
        if (!result.Succeeded)
        {
            foreach (var message in result.Errors)
            {
                await error.WriteLineAsync(message);
            }

            return Failed;
        }

        await output.WriteLineAsync($"Added {options["--email"].Trim()} as {Roles.Normalise(options["--role"])}.");
        if (result.GeneratedPassword is not null)
        {
            await output.WriteLineAsync($"Password: {result.GeneratedPassword}");
        }

        return Ok;
    }

    private static async Task<int> CreateTokenAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        if (!CommandOptions.TryParse(args, ["--email", "--name"], out var options, out var problem))
        {
            await error.WriteLineAsync(problem);
            return Usage;
        }

        if (!options.TryGetValue("--email", out var email))
        {
            await error.WriteLineAsync("Missing --email. Usage: tokens create --email E [--name N]");
            return Usage;
        }

        await services.InitializeCampaignHubDatabaseAsync();
        await using var scope = services.CreateAsyncScope();
        if (await FindUserAsync(scope, email, error) is not { } user)
        {
            return Failed;
        }

        var created = await scope.ServiceProvider.GetRequiredService<ApiTokenService>()
            .CreateAsync(user.Id, options.GetValueOrDefault("--name") ?? "CLI");
        await output.WriteLineAsync($"Token \"{created.Summary.Name}\" for {user.Email}. Send it as: Authorization: Bearer <token>. It is shown only now:");
        await output.WriteLineAsync(created.Token);
        return Ok;
    }

    private static async Task<int> CreateFeedAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        const string usage = "Usage: feeds create --email E [--unit ID | --campaign ID] [--name N]";
        if (!CommandOptions.TryParse(args, ["--email", "--unit", "--campaign", "--name"], out var options, out var problem))
        {
            await error.WriteLineAsync($"{problem} {usage}");
            return Usage;
        }

        if (!options.TryGetValue("--email", out var email))
        {
            await error.WriteLineAsync($"Missing --email. {usage}");
            return Usage;
        }

        if (options.ContainsKey("--unit") && options.ContainsKey("--campaign"))
        {
            await error.WriteLineAsync($"Give --unit or --campaign, not both: a feed follows one of them. {usage}");
            return Usage;
        }

        var input = new CalendarFeedInput(Codes<CalendarFeedScope>.Of(CalendarFeedScope.MyDuties), Name: options.GetValueOrDefault("--name"));
        foreach (var (option, kind) in new[] { ("--unit", CalendarFeedScope.Unit), ("--campaign", CalendarFeedScope.Campaign) })
        {
            if (!options.TryGetValue(option, out var value))
            {
                continue;
            }

            if (!int.TryParse(value, out var id))
            {
                await error.WriteLineAsync($"{option} needs a number (an id), not '{value}'. {usage}");
                return Usage;
            }

            input = kind == CalendarFeedScope.Unit
                ? input with { Scope = Codes<CalendarFeedScope>.Of(kind), UnitId = id }
                : input with { Scope = Codes<CalendarFeedScope>.Of(kind), CampaignId = id };
        }

        await services.InitializeCampaignHubDatabaseAsync();
        await using var scope = services.CreateAsyncScope();
        if (await FindUserAsync(scope, email, error) is not { } user)
        {
            return Failed;
        }

        CreatedCalendarFeed created;
        try
        {
            created = await scope.ServiceProvider.GetRequiredService<CalendarFeedService>().CreateAsync(user.Id, input);
        }
        catch (DomainValidationException invalid)
        {
            foreach (var message in invalid.Errors.SelectMany(e => e.Value))
            {
                await error.WriteLineAsync(message);
            }

            return Failed;
        }

        var target = created.Summary.TargetName is { } name ? $"{created.Summary.Scope} {name}" : created.Summary.Scope;
        await output.WriteLineAsync($"Calendar feed \"{created.Summary.Name}\" ({target}) for {user.Email}. Subscribe to this path on the app's address; it is shown only now:");
        await output.WriteLineAsync(created.Path);
        return Ok;
    }

    /// <summary>The user with that e-mail, or null after saying so on <paramref name="error"/>.</summary>
    private static async Task<ApplicationUser?> FindUserAsync(AsyncServiceScope scope, string email, TextWriter error)
    {
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email.Trim());
        if (user is null)
        {
            await error.WriteLineAsync($"No user with the e-mail {email.Trim()}. See: users list");
        }

        return user;
    }

    private static async Task<int> ListUsersAsync(IServiceProvider services, TextWriter output)
    {
        await services.InitializeCampaignHubDatabaseAsync();
        await using var scope = services.CreateAsyncScope();
        var users = await scope.ServiceProvider.GetRequiredService<UserAccountService>().ListAsync();
        var width = Math.Max(5, users.Select(u => u.Email.Length).DefaultIfEmpty(0).Max());
        await output.WriteLineAsync($"{"Email".PadRight(width)}  {"Roles",-24}  {"2FA",-3}  {"Locked",-6}  Name");
        foreach (var user in users)
        {
            await output.WriteLineAsync(
                $"{user.Email.PadRight(width)}  {string.Join(",", user.Roles),-24}  {(user.TwoFactorEnabled ? "yes" : "no"),-3}  {(user.LockedOutUntil is null ? "no" : "yes"),-6}  {user.DisplayName}");
        }

        await output.WriteLineAsync($"{users.Count} user(s).");
        return Ok;
    }
}
