using CampaignHub.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace CampaignHub.Testing;

/// <summary>
/// The real app over a real database of its own: a SQLite file in its own temporary folder, or, when the test run
/// names PostgreSQL (<see cref="TestDatabase"/>), a database created on that server for this factory and dropped with
/// it. <see cref="SharingDatabaseWith"/> starts a second instance (or a restart) on the same database.
/// </summary>
public class CampaignHubAppFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@test.campaignhub.local";
    public const string AdminPassword = "Test-Admin-2026!";

    private readonly bool ownsDirectory;

    public CampaignHubAppFactory()
        : this(null, null)
    {
    }

    /// <summary>A second instance, or a restart, over the same database and log folder.</summary>
    public static CampaignHubAppFactory SharingDatabaseWith(CampaignHubAppFactory other) => new(other.DataDirectory, other.ConnectionString);

    protected CampaignHubAppFactory(string? dataDirectory, string? connectionString)
    {
        ownsDirectory = dataDirectory is null;
        DataDirectory = dataDirectory ?? Path.Combine(Path.GetTempPath(), "campaignhub-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
        ConnectionString = connectionString
                           ?? (TestDatabase.Provider == DatabaseProvider.PostgreSql ? TestDatabase.CreatePostgreSqlDatabase() : $"Data Source={DatabaseFile}");
        Settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = TestDatabase.Provider.ToString(),
            ["ConnectionStrings:CampaignHub"] = ConnectionString,
            ["Admin:Email"] = AdminEmail,
            ["Admin:Password"] = AdminPassword,
            ["Seed:Demo"] = "false",
            ["Serilog:WriteTo:1:Args:path"] = Path.Combine(LogDirectory, "campaignhub-.log"),
            // Tests run the reminder and e-mail senders themselves, when they choose; the notification tests turn it on.
            ["Notifications:Background"] = "false",
        };
        foreach (var (key, value) in GenerousRateLimits)
        {
            Settings[key] = value;
        }
    }

    /// <summary>
    /// The suites sign in and call the API hundreds of times from one test client: limits far above anything a test
    /// does, so no test fails on a 429. The reliability tests remove these (<see cref="UseDefaultRateLimits"/>).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string?> GenerousRateLimits = new Dictionary<string, string?>
    {
        ["RateLimits:Api:Burst"] = "100000",
        ["RateLimits:Api:PerMinute"] = "100000",
        ["RateLimits:CalendarFeeds:Burst"] = "100000",
        ["RateLimits:CalendarFeeds:PerMinute"] = "100000",
        ["RateLimits:SignInPerAddress:Burst"] = "100000",
        ["RateLimits:SignInPerAddress:PerMinute"] = "100000",
        ["RateLimits:FailedSignInPerAccount:Burst"] = "100000",
        ["RateLimits:FailedSignInPerAccount:PerMinute"] = "100000",
    };

    /// <summary>The app's own rate limits (appsettings), as in production; call before the first request.</summary>
    public CampaignHubAppFactory UseDefaultRateLimits()
    {
        foreach (var key in GenerousRateLimits.Keys)
        {
            Settings.Remove(key);
        }

        return this;
    }

    public string DataDirectory { get; }

    /// <summary>The SQLite file, when the run is on SQLite.</summary>
    public string DatabaseFile => Path.Combine(DataDirectory, "campaignhub.db");

    /// <summary>The app's connection string: the SQLite file, or this factory's PostgreSQL database.</summary>
    public string ConnectionString { get; }

    /// <summary>What a separate app process (a command, a served instance) needs to reach the same database.</summary>
    public IReadOnlyDictionary<string, string> DatabaseEnvironment => new Dictionary<string, string>
    {
        ["Database__Provider"] = TestDatabase.Provider.ToString(),
        ["ConnectionStrings__CampaignHub"] = ConnectionString,
    };

    public string LogDirectory => Path.Combine(DataDirectory, "logs");

    /// <summary>Configuration the app sees on top of appsettings.json; change before the first request.</summary>
    public Dictionary<string, string?> Settings { get; }

    /// <summary>Everything the app has logged to its rolling file so far.</summary>
    public string ReadLog()
    {
        if (!Directory.Exists(LogDirectory))
        {
            return "";
        }

        return string.Join('\n', Directory.GetFiles(LogDirectory).Order().Select(f =>
        {
            using var stream = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(Settings));
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        // Program runs this before the server starts; the factory stops Program at Build(), so it runs it here.
        host.Services.InitializeCampaignHubDatabaseAsync().GetAwaiter().GetResult();
        return host;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && ownsDirectory)
        {
            SqliteConnection.ClearAllPools();
            if (TestDatabase.Provider == DatabaseProvider.PostgreSql)
            {
                TestDatabase.DropPostgreSqlDatabase(ConnectionString);
            }

            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still open by a pooled connection; the OS temp cleaner gets it.
            }
        }
    }
}
