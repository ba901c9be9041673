using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using CampaignHub.Testing;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Api;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignHub.FunctionalTests.Reliability;

/// <summary>
/// The built app as its own process on a loopback port, over a SQLite file that an in-process factory prepared
/// (users, tokens, a campaign), so a test can watch the process's memory from <c>/proc</c> while it attacks it, and
/// count rows through the factory's context afterwards. Shared by the hostile-input reliability tests.
/// </summary>
public sealed class ServedApp : IAsyncLifetime
{
    private Process? process;
    private readonly List<string> output = [];

    /// <summary>Prepares the database and reads rows back; it never serves the attacks.</summary>
    public CampaignHubAppFactory Setup { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    public int ProcessId => process!.Id;

    public string AdminToken { get; private set; } = "";

    public string AdminId { get; private set; } = "";

    public int UnitId { get; private set; }

    public string CoordinatorId { get; private set; } = "";

    public string CoordinatorToken { get; private set; } = "";

    public string CoordinatorEmail { get; private set; } = "";

    public async Task InitializeAsync()
    {
        // Migrates the file and seeds the admin; later connections of the server find it ready.
        _ = Setup.Services;
        UnitId = await Setup.AddUnitAsync("可靠性测试专委会");
        CoordinatorEmail = $"coordinator-{Guid.NewGuid():N}@test.campaignhub.local";
        CoordinatorId = await Setup.CreateUserAsync(CoordinatorEmail, Roles.Coordinator, UnitId);
        await using (var db = await Setup.DbAsync())
        {
            AdminId = db.Users.Single(u => u.Email == CampaignHubAppFactory.AdminEmail).Id;
        }

        AdminToken = await TokenAsync(AdminId);
        CoordinatorToken = await TokenAsync(CoordinatorId);

        var port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        // CAMPAIGNHUB_SERVED_APP serves another build (the commit before a fix) to measure "before" with the same tests
        // (docs/benchmarks.md); the suite itself always serves this repository's build.
        var directory = Environment.GetEnvironmentVariable("CAMPAIGNHUB_SERVED_APP") is { Length: > 0 } other ? other : RepositoryPaths.WebAppDirectory;
        var dll = Path.Combine(directory, "CampaignHub.Web.dll");
        File.Exists(dll).ShouldBeTrue($"the app must be built first: {dll}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseAddress.ToString());
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        foreach (var (key, value) in Setup.DatabaseEnvironment)
        {
            start.Environment[key] = value;
        }

        start.Environment["Admin__Email"] = CampaignHubAppFactory.AdminEmail;
        start.Environment["Admin__Password"] = CampaignHubAppFactory.AdminPassword;
        start.Environment["Seed__Demo"] = "false";
        start.Environment["Serilog__WriteTo__1__Args__path"] = Path.Combine(Setup.LogDirectory, "served-.log");
        // The simulated users of these tests all come from the loopback address, where the per-client limits would
        // count twenty people as one; the limits themselves are proven at their defaults by HostingReliabilityTests.
        foreach (var (key, value) in CampaignHubAppFactory.GenerousRateLimits)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var ready = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if ((await client.GetAsync("/health")).StatusCode == HttpStatusCode.OK)
                {
                    break;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (process.HasExited || ready.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new InvalidOperationException("The app did not start: " + string.Join('\n', Output));
            }

            await Task.Delay(200);
        }
    }

    public async Task DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process?.Dispose();
        Setup.Dispose();
    }

    public IReadOnlyList<string> Output
    {
        get
        {
            lock (output)
            {
                return [.. output];
            }
        }
    }

    /// <summary>An API client with a bearer token; long time-out, as a busy server must answer, not be given up on.</summary>
    public HttpClient Client(string token, TimeSpan? timeout = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = timeout ?? TimeSpan.FromMinutes(3) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        return client;
    }

    public async Task<string> TokenAsync(string userId)
    {
        await using var scope = Setup.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ApiTokenService>().CreateAsync(userId, "reliability")).Token;
    }

    /// <summary>Resident memory of the app process now (VmRSS), in bytes.</summary>
    public long ResidentBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{ProcessId}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
            }
        }

        throw new InvalidOperationException("VmRSS not found");
    }

    /// <summary>Runs <paramref name="attack"/> while sampling the app's resident memory every 20 ms; returns the peak.</summary>
    public async Task<(T Result, long PeakBytes)> WatchMemoryAsync<T>(Func<Task<T>> attack)
    {
        using var stop = new CancellationTokenSource();
        long peak = ResidentBytes();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, ResidentBytes());
                await Task.Delay(20);
            }
        });
        try
        {
            return (await attack(), Math.Max(peak, ResidentBytes()));
        }
        finally
        {
            await stop.CancelAsync();
            await sampler;
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Add(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class ServedAppCollection : ICollectionFixture<ServedApp>
{
    public const string Name = "Hostile input against the served app";
}
