using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using CampaignHub.Testing;
using CampaignHub.Web.Hosting;
using Microsoft.Playwright;

namespace CampaignHub.EndToEndTests.Features.Hosting;

/// <summary>
/// Two processes of the built app (as an operator runs it: <c>dotnet CampaignHub.Web.dll</c> with environment
/// settings) on one PostgreSQL database, behind Debian's nginx with sticky sessions, all on loopback ports, and the
/// system Chromium. The first instance migrates an empty database; the second starts once the first answers /health
/// (README, "Several instances"). Needs a PostgreSQL server named by CAMPAIGNHUB_TEST_POSTGRES and nginx:
/// scripts/test.sh provides both.
/// </summary>
public sealed class TwoInstancesBehindNginx : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly string folder = Path.Combine(Path.GetTempPath(), "campaignhub-tests", "instances-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly ConcurrentQueue<string> steps = new();
    private string? connectionString;
    private Process? nginx;
    private IPlaywright? playwright;

    public AppInstance A { get; private set; } = null!;

    public AppInstance B { get; private set; } = null!;

    public IReadOnlyList<AppInstance> Instances => [A, B];

    /// <summary>The balancer's address: what people would type.</summary>
    public string BalancerUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The admin's API token (from the app's own <c>tokens create</c> command).</summary>
    public string AdminToken { get; private set; } = "";

    public string AccessLog => Path.Combine(folder, "nginx", "access.log");

    /// <summary>What the fixture did and when, for the test's output.</summary>
    public IEnumerable<string> Steps => steps;

    public async Task InitializeAsync()
    {
        var server = Environment.GetEnvironmentVariable(TestDatabase.PostgreSqlServerVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                $"The several-instances test needs a PostgreSQL server: {TestDatabase.PostgreSqlServerVariable} is not set. scripts/test.sh starts one; "
                + "by hand: server=\"$(scripts/test-postgres.sh start)\"; "
                + $"{TestDatabase.PostgreSqlServerVariable}=\"$(echo \"$server\" | sed -n 2p)\" dotnet test tests/CampaignHub.EndToEndTests -c Release; "
                + "scripts/test-postgres.sh stop \"$(echo \"$server\" | sed -n 1p)\"");
        }

        var nginxPath = Environment.GetEnvironmentVariable("NGINX_PATH") is { Length: > 0 } configured ? configured : "/usr/sbin/nginx";
        if (!File.Exists(nginxPath))
        {
            throw new InvalidOperationException(
                $"The several-instances test needs nginx at {nginxPath}: sudo apt-get install -y nginx (scripts/system-packages.sh --tests installs it).");
        }

        var dll = Path.Combine(RepositoryPaths.WebAppDirectory, "CampaignHub.Web.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"The app must be built first ({RepositoryPaths.Configuration}): {dll}");
        }

        Directory.CreateDirectory(folder);
        var ports = FreePorts(3);
        BalancerUrl = $"http://127.0.0.1:{ports[2]}";
        connectionString = TestDatabase.CreatePostgreSqlDatabase();
        Step("database created");

        var settings = new Dictionary<string, string>
        {
            // Production's pipeline, except that cookies may travel over the plain-HTTP loopback balancer.
            ["ASPNETCORE_ENVIRONMENT"] = WebApplicationExtensions.TestingEnvironment,
            ["Database__Provider"] = "PostgreSql",
            ["ConnectionStrings__CampaignHub"] = connectionString,
            ["Admin__Email"] = CampaignHubAppFactory.AdminEmail,
            ["Admin__Password"] = CampaignHubAppFactory.AdminPassword,
            ["Seed__Demo"] = "false",
            // Links and sign-in redirects name the balancer, never an instance.
            ["App__PublicBaseUrl"] = BalancerUrl,
        };
        foreach (var (key, value) in CampaignHubAppFactory.GenerousRateLimits)
        {
            settings[key.Replace(":", "__", StringComparison.Ordinal)] = value!;
        }

        A = new AppInstance("A", ports[0], dll, settings, Path.Combine(folder, "a"));
        B = new AppInstance("B", ports[1], dll, settings, Path.Combine(folder, "b"));

        // The first instance migrates the empty database and creates the admin; only then the second starts.
        await A.StartAsync(StartTimeout);
        Step($"instance A up on {A.BaseUrl} (migrated the database)");
        var token = RunCommandAsync(dll, settings, "tokens", "create", "--email", CampaignHubAppFactory.AdminEmail, "--name", "several instances");
        await Task.WhenAll(B.StartAsync(StartTimeout), token);
        AdminToken = await token;
        Step($"instance B up on {B.BaseUrl}, admin token made");

        nginx = StartNginx(nginxPath, ports[2]);
        await WaitForBalancerAsync();
        Step($"nginx up on {BalancerUrl}");

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFixture.ChromiumExecutable(),
            Headless = true,
            Args = BrowserFixture.ChromiumArgs,
        });
        Step("Chromium up");
    }

    public void Step(string what) => steps.Enqueue($"{clock.Elapsed.TotalSeconds,6:0.0} s  {what}");

    /// <summary>Starts again an instance an earlier test killed, so each test finds both serving.</summary>
    public async Task EnsureBothRunningAsync()
    {
        foreach (var instance in Instances.Where(i => !i.IsRunning))
        {
            await instance.StartAsync(StartTimeout);
            Step($"instance {instance.Name} started again");
        }
    }

    /// <summary>A phone-sized browser context on the balancer.</summary>
    public async Task<IPage> NewPhonePageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BalancerUrl,
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        });
        context.SetDefaultTimeout(15_000);
        Assertions.SetDefaultExpectTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>An API client with the admin's token, on the balancer or straight on one instance.</summary>
    public HttpClient ApiClient(string baseUrl)
    {
        var client = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
        return client;
    }

    /// <summary>A committee, a campaign around today and one held event in it, through the balancer's API.</summary>
    public async Task<JsonElement> CreateEventAsync(string title)
    {
        using var api = ApiClient(BalancerUrl);
        var unique = Guid.NewGuid().ToString("N")[..8];
        var unit = await CreatedAsync(await api.PostAsJsonAsync("/api/committees", new { name = $"乳腺癌专委会 {unique}" }));
        var today = DateTime.Today;
        var campaign = await CreatedAsync(await api.PostAsJsonAsync("/api/campaigns", new
        {
            name = $"宣传周 {unique}", startDate = today.AddDays(-3).ToString("yyyy-MM-dd"), endDate = today.AddDays(3).ToString("yyyy-MM-dd"),
            unitIds = new[] { unit.GetProperty("id").GetInt32() },
        }));
        return await CreatedAsync(await api.PostAsJsonAsync("/api/events", EventBody(
            campaign.GetProperty("id").GetInt32(), unit.GetProperty("id").GetInt32(), title, today, patients: 40, version: null)));
    }

    /// <summary>What the API takes for an event (a PUT names the version it read).</summary>
    public static object EventBody(int campaignId, int unitId, string title, DateTime day, int patients, long? version) => new
    {
        campaignId, unitIds = new[] { unitId }, title, kind = "free_clinic", channel = "offline", venue = "社区广场", status = "held",
        start = day.AddHours(9).ToString("yyyy-MM-ddTHH:mm:ss"), end = day.AddHours(11).ToString("yyyy-MM-ddTHH:mm:ss"),
        figures = new Dictionary<string, int> { ["patients_benefited"] = patients }, version,
    };

    private static async Task<JsonElement> CreatedAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            response.StatusCode.ShouldBe(HttpStatusCode.Created, body);
            return JsonDocument.Parse(body).RootElement.Clone();
        }
    }

    /// <summary>
    /// The instance nginx sent the page's live connection to: the upstream of the last Blazor negotiation in its
    /// access log (the WebSocket itself is logged only when it closes).
    /// </summary>
    public AppInstance InstanceServingTheCircuit()
    {
        var negotiation = ReadShared(AccessLog).Split('\n').LastOrDefault(l => l.Contains(" /_blazor/negotiate ", StringComparison.Ordinal) && l.Contains(" 200 ", StringComparison.Ordinal))
                          ?? throw new InvalidOperationException("nginx logged no Blazor negotiation.\n" + Diagnostics());
        // "POST /_blazor/negotiate 200 127.0.0.1:A" (or "127.0.0.1:A, 127.0.0.1:B" when A refused and B answered).
        var upstream = negotiation.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1];
        return Instances.SingleOrDefault(i => upstream.EndsWith(":" + i.Port, StringComparison.Ordinal))
               ?? throw new InvalidOperationException($"Unknown upstream in '{negotiation}'.\n" + Diagnostics());
    }

    /// <summary>The last lines each process wrote and the balancer's logs, for a failure message.</summary>
    public string Diagnostics()
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine("--- what happened");
        foreach (var step in steps)
        {
            text.AppendLine(step);
        }

        foreach (var instance in Instances.Where(i => i is not null))
        {
            text.AppendLine($"--- instance {instance.Name} ({instance.BaseUrl}, {(instance.IsRunning ? "running" : "not running")}), last output");
            text.AppendLine(instance.OutputTail());
        }

        text.AppendLine("--- nginx access log (tail)");
        text.AppendLine(Tail(ReadShared(AccessLog), 30));
        text.AppendLine("--- nginx error log (tail)");
        text.AppendLine(Tail(ReadShared(Path.Combine(folder, "nginx", "error.log")), 20));
        return text.ToString();
    }

    /// <summary>Runs <paramref name="test"/>, adding the processes' and the balancer's logs to any failure.</summary>
    public async Task WithDiagnosticsAsync(Func<Task> test)
    {
        try
        {
            await test();
        }
        catch (Exception ex)
        {
            throw new Xunit.Sdk.XunitException($"{ex.GetType().Name}: {ex.Message}\n\n{Diagnostics()}\n{ex.StackTrace}");
        }
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        foreach (var instance in new[] { A, B }.Where(i => i is not null))
        {
            instance.Kill();
        }

        if (nginx is not null)
        {
            KillTree(nginx);
            nginx.Dispose();
        }

        if (connectionString is not null)
        {
            TestDatabase.DropPostgreSqlDatabase(connectionString);
        }

        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // The OS temp cleaner gets it.
        }
    }

    private Process StartNginx(string nginxPath, int port)
    {
        var prefix = Path.Combine(folder, "nginx");
        Directory.CreateDirectory(prefix);
        var config = Path.Combine(prefix, "nginx.conf");
        File.WriteAllText(config, NginxConfig(prefix, port, A.Port, B.Port));
        var start = new ProcessStartInfo(nginxPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-p", prefix + "/", "-c", config, "-e", Path.Combine(prefix, "error.log") })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("nginx did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                steps.Enqueue("nginx: " + e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>
    /// The README's balancer, on loopback: sticky by client address, WebSockets upgraded and kept open, the client's
    /// address and scheme forwarded, and a request that cannot reach its instance sent to the other one.
    /// </summary>
    private static string NginxConfig(string prefix, int port, int a, int b) => $$"""
        worker_processes 1;
        daemon off;
        pid {{prefix}}/nginx.pid;
        error_log {{prefix}}/error.log notice;
        events { worker_connections 256; }
        http {
            log_format upstreams '$request_method $uri $status $upstream_addr';
            access_log {{prefix}}/access.log upstreams;
            client_body_temp_path {{prefix}}/client_body;
            proxy_temp_path {{prefix}}/proxy;
            fastcgi_temp_path {{prefix}}/fastcgi;
            uwsgi_temp_path {{prefix}}/uwsgi;
            scgi_temp_path {{prefix}}/scgi;

            map $http_upgrade $connection_upgrade {
                default upgrade;
                ''      close;
            }

            upstream campaignhub {
                ip_hash;
                server 127.0.0.1:{{a}} max_fails=1 fail_timeout=10s;
                server 127.0.0.1:{{b}} max_fails=1 fail_timeout=10s;
            }

            server {
                listen 127.0.0.1:{{port}};
                client_max_body_size 25m;

                location / {
                    proxy_pass http://campaignhub;
                    proxy_http_version 1.1;
                    proxy_set_header Upgrade $http_upgrade;
                    proxy_set_header Connection $connection_upgrade;
                    proxy_set_header Host $http_host;
                    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                    proxy_set_header X-Forwarded-Proto $scheme;
                    proxy_connect_timeout 5s;
                    proxy_read_timeout 1h;
                    proxy_send_timeout 1h;
                    proxy_next_upstream error timeout;
                }
            }
        }
        """;

    private async Task WaitForBalancerAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (nginx!.HasExited)
            {
                throw new InvalidOperationException($"nginx exited with {nginx.ExitCode}.\n" + Diagnostics());
            }

            try
            {
                using var response = await http.GetAsync(BalancerUrl + "/health");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            if (deadline.Elapsed > TimeSpan.FromSeconds(20))
            {
                throw new TimeoutException("nginx did not pass /health through within 20 s.\n" + Diagnostics());
            }

            await Task.Delay(100);
        }
    }

    /// <summary>An admin command of the app (as in README), its last output line.</summary>
    private async Task<string> RunCommandAsync(string dll, IReadOnlyDictionary<string, string> settings, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        start.Environment["Serilog__WriteTo__1__Args__path"] = Path.Combine(folder, "command", "campaignhub-.log");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(StartTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            KillTree(process);
            throw new TimeoutException($"CampaignHub.Web {string.Join(' ', args)} did not finish within {StartTimeout.TotalSeconds} s.\n{await error}");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"CampaignHub.Web {string.Join(' ', args)} exited with {process.ExitCode}: {await error}\n{await output}");
        }

        return (await output).Trim().Split('\n')[^1].Trim();
    }

    private static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(l => l.Start());
            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }

    internal static void KillTree(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static string ReadShared(string path)
    {
        if (!File.Exists(path))
        {
            return "";
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static string Tail(string text, int lines) => string.Join('\n', text.TrimEnd().Split('\n').TakeLast(lines));
}

/// <summary>One app process: started on its port, waited for, killed like a crashed server.</summary>
public sealed class AppInstance(string name, int port, string dll, IReadOnlyDictionary<string, string> settings, string folder)
{
    private const int KeptLines = 60;

    private readonly ConcurrentQueue<string> output = new();
    private Process? process;

    public string Name { get; } = name;

    public int Port { get; } = port;

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public bool IsRunning => process is { HasExited: false };

    public async Task StartAsync(TimeSpan timeout)
    {
        Directory.CreateDirectory(folder);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        start.Environment["ASPNETCORE_URLS"] = BaseUrl;
        // Each instance its own log files.
        start.Environment["Serilog__WriteTo__1__Args__path"] = Path.Combine(folder, "logs", "campaignhub-.log");

        process?.Dispose();
        output.Enqueue($"--- started {DateTime.Now:HH:mm:ss.fff}");
        process = Process.Start(start) ?? throw new InvalidOperationException($"instance {Name} did not start.");
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"instance {Name} exited with {process.ExitCode} while starting:\n{OutputTail()}");
            }

            try
            {
                using var response = await http.GetAsync(BaseUrl + "/health");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            if (waited.Elapsed > timeout)
            {
                throw new TimeoutException($"instance {Name} did not answer /health within {timeout.TotalSeconds} s:\n{OutputTail()}");
            }

            await Task.Delay(150);
        }
    }

    /// <summary>As a crash or a pulled plug: no shutdown, the circuits in its memory gone.</summary>
    public void Kill()
    {
        if (process is not null)
        {
            TwoInstancesBehindNginx.KillTree(process);
            output.Enqueue($"--- killed {DateTime.Now:HH:mm:ss.fff}");
        }
    }

    public string OutputTail() => string.Join('\n', output);

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        output.Enqueue(line);
        while (output.Count > KeptLines && output.TryDequeue(out _))
        {
        }
    }
}
