using CampaignHub.Testing;

namespace CampaignHub.FunctionalTests.Hosting;

/// <summary>A wrong setting stops the app before it serves anything, with one line naming the key.</summary>
public sealed class StartupFailureTests
{
    private static string TempDb() =>
        Path.Combine(Path.GetTempPath(), "campaignhub-tests", Guid.NewGuid().ToString("N"), "app.db");

    [Fact]
    public async Task Unknown_provider_is_refused_naming_the_key()
    {
        var result = await AppProcess.RunAsync(new Dictionary<string, string>
        {
            ["Database__Provider"] = "Oracle",
            ["ConnectionStrings__CampaignHub"] = $"Data Source={TempDb()}",
        });

        result.ExitCode.ShouldNotBe(0);
        var line = result.Error.Trim();
        line.ShouldNotContain('\n');
        line.ShouldContain("Database:Provider");
        line.ShouldContain("Oracle");
    }

    [Fact]
    public async Task Malformed_sqlite_connection_string_is_refused_naming_the_key()
    {
        var result = await AppProcess.RunAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings__CampaignHub"] = "Data Source=x.db;Bogus Keyword=1",
        });

        result.ExitCode.ShouldNotBe(0);
        result.Error.Trim().ShouldNotContain('\n');
        result.Error.ShouldContain("ConnectionStrings:CampaignHub");
        result.Error.ShouldContain("malformed");
    }

    [Fact]
    public async Task Malformed_sql_server_connection_string_is_refused_naming_the_key()
    {
        var result = await AppProcess.RunAsync(new Dictionary<string, string>
        {
            ["Database__Provider"] = "SqlServer",
            ["ConnectionStrings__CampaignHub"] = "this is not a connection string",
        });

        result.ExitCode.ShouldNotBe(0);
        result.Error.Trim().ShouldNotContain('\n');
        result.Error.ShouldContain("ConnectionStrings:CampaignHub");
    }

    [Fact]
    public async Task Unreachable_database_is_refused_naming_the_key()
    {
        // A folder under a regular file can never be created: the database cannot be reached.
        var file = Path.GetTempFileName();
        var result = await AppProcess.RunAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings__CampaignHub"] = $"Data Source={file}/sub/app.db",
        });

        result.ExitCode.ShouldNotBe(0);
        result.Error.Trim().ShouldNotContain('\n');
        result.Error.ShouldContain("ConnectionStrings:CampaignHub");
        File.Delete(file);
    }

    [Fact]
    public async Task Admin_commands_exit_non_zero_with_a_message_on_bad_input()
    {
        var env = new Dictionary<string, string>
        {
            ["ConnectionStrings__CampaignHub"] = $"Data Source={TempDb()}",
            ["Admin__Password"] = CampaignHubAppFactory.AdminPassword,
        };

        var missing = await AppProcess.RunAsync(env, "users", "add", "--role", "Staff");
        missing.ExitCode.ShouldBe(2);
        missing.Error.ShouldContain("--email");

        var badRole = await AppProcess.RunAsync(env, "users", "add", "--email", "x@example.org", "--role", "Janitor");
        badRole.ExitCode.ShouldBe(1);
        badRole.Error.ShouldContain("Janitor");

        var unknown = await AppProcess.RunAsync(env, "users", "remove");
        unknown.ExitCode.ShouldBe(2);
        unknown.Error.ShouldContain("Unknown command");
    }

    [Fact]
    public async Task Migrate_then_users_add_and_list_work_from_the_executable()
    {
        var env = new Dictionary<string, string>
        {
            ["ConnectionStrings__CampaignHub"] = $"Data Source={TempDb()}",
            ["Admin__Email"] = "first.admin@example.org",
            ["Admin__Password"] = CampaignHubAppFactory.AdminPassword,
        };

        var migrate = await AppProcess.RunAsync(env, "migrate");
        migrate.ExitCode.ShouldBe(0, migrate.Error);
        migrate.Output.ShouldContain("up to date");

        var add = await AppProcess.RunAsync(env, "users", "add", "--email", "nurse@example.org", "--role", "staff");
        add.ExitCode.ShouldBe(0, add.Error);
        add.Output.ShouldContain("Added nurse@example.org as Staff");
        add.Output.ShouldMatch(@"Password: \S{20}");

        var list = await AppProcess.RunAsync(env, "users", "list");
        list.ExitCode.ShouldBe(0, list.Error);
        list.Output.ShouldContain("first.admin@example.org");
        list.Output.ShouldMatch(@"nurse@example\.org\s+Staff");
        list.Output.ShouldContain("2 user(s).");
    }
}
