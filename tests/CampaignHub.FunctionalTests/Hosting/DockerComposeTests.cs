using System.Diagnostics;
using CampaignHub.Testing;

namespace CampaignHub.FunctionalTests.Hosting;

/// <summary>
/// No Docker engine runs here, so the compose file is checked the way BUILD-NOTES allows: docker-compose parses
/// and validates it, and the resolved configuration must run the app against SQL Server 2022 with health checks.
/// </summary>
public sealed class DockerComposeTests
{
    private static async Task<(int ExitCode, string Output, string Error)> ComposeConfigAsync(string? saPassword, string? profile = null)
    {
        var start = new ProcessStartInfo("docker-compose")
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var args = profile is null
            ? new[] { "-f", "docker-compose.yml", "config" }
            : ["-f", "docker-compose.yml", "--profile", profile, "config"];
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("MSSQL_SA_PASSWORD");
        start.Environment.Remove("POSTGRES_PASSWORD");
        if (saPassword is not null)
        {
            start.Environment["MSSQL_SA_PASSWORD"] = saPassword;
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output, error);
    }

    [Fact]
    public async Task Compose_file_is_valid_and_runs_the_app_on_sql_server_with_health_checks()
    {
        var (exitCode, config, error) = await ComposeConfigAsync("Str0ng!Passw0rd");

        exitCode.ShouldBe(0, error);
        config.ShouldContain("image: mcr.microsoft.com/mssql/server:2022-latest");
        config.ShouldContain("Database__Provider: SqlServer");
        config.ShouldContain("condition: service_healthy");
        config.ShouldContain("/health/ready");
        config.ShouldContain("mssql-data:");
        config.ShouldContain("dockerfile: Dockerfile");
        File.Exists(Path.Combine(RepositoryPaths.Root, "Dockerfile")).ShouldBeTrue();
    }

    [Fact]
    public async Task The_postgres_profile_runs_the_app_on_postgresql_with_health_checks()
    {
        var (exitCode, config, error) = await ComposeConfigAsync("Str0ng!Passw0rd", profile: "postgres");

        exitCode.ShouldBe(0, error);
        config.ShouldContain("image: postgres:15");
        config.ShouldContain("Database__Provider: PostgreSql");
        config.ShouldContain("Host=postgres;Port=5432;Database=campaignhub");
        config.ShouldContain("pg_isready");
        config.ShouldContain("postgres-data:");
    }

    [Fact]
    public async Task Compose_refuses_to_start_without_a_database_password()
    {
        var (exitCode, _, error) = await ComposeConfigAsync(null);

        exitCode.ShouldNotBe(0);
        error.ShouldContain("MSSQL_SA_PASSWORD");
    }
}
