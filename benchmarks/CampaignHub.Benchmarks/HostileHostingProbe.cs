using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace CampaignHub.Benchmarks;

/// <summary>
/// Issue 13, identity and hosting: replays the attacks and faults of the issue against a running instance over HTTP
/// (any build: the one before the fixes and the one after are probed the same way) and prints one line per figure.
/// The instance must run in Development with the demo data; the probe creates its own users, tokens and feeds with the
/// instance's own admin commands (<c>--app-dir</c>, same database), and kills only Chromium processes that descend
/// from <c>--app-pid</c>.
/// Usage: CampaignHub.Benchmarks --hostile-hosting --url http://127.0.0.1:PORT --app-dir DIR --db FILE --app-pid PID
///        [--log-dir DIR] [--demotion-wait 70] [--only NAME,...]
/// </summary>
internal static partial class HostileHostingProbe
{
    private const string DemoAdmin = "admin@demo.campaignhub.local";
    private const string DemoPassword = "Demo-2021!";

    private static string url = "";
    private static string appDir = "";
    private static string database = "";
    private static int appPid;
    private static int nextAddress = 10;

    public static async Task<int> RunAsync(string[] args)
    {
        url = Arg(args, "--url") ?? throw new ArgumentException("--url is required");
        appDir = Arg(args, "--app-dir") ?? throw new ArgumentException("--app-dir is required");
        database = Arg(args, "--db") ?? throw new ArgumentException("--db is required");
        appPid = int.Parse(Arg(args, "--app-pid") ?? "0", CultureInfo.InvariantCulture);
        var logDir = Arg(args, "--log-dir");
        var demotionWait = int.Parse(Arg(args, "--demotion-wait") ?? "70", CultureInfo.InvariantCulture);
        var only = Arg(args, "--only")?.Split(',') ?? [];
        bool Runs(string name) => only.Length == 0 || only.Contains(name);

        var adminToken = await CommandAsync("tokens", "create", "--email", DemoAdmin, "--name", "probe");
        var campaignId = await FirstCampaignAsync(adminToken);
        Console.WriteLine($"# {url}, campaign {campaignId}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");

        if (Runs("throttling"))
        {
            await ThrottlingAsync();
        }

        if (Runs("lockout"))
        {
            await LockoutAsync();
        }

        if (Runs("demotion"))
        {
            await DemotionAsync(demotionWait);
        }

        if (Runs("finalise"))
        {
            await FinaliseAsync(adminToken, campaignId);
        }

        if (Runs("dates"))
        {
            await DatesAsync(campaignId);
        }

        if (Runs("chromium"))
        {
            await ChromiumAsync(adminToken, campaignId);
        }

        if (Runs("headers"))
        {
            await HeadersAsync(adminToken);
        }

        if (Runs("fallback"))
        {
            await FallbackAsync(adminToken);
        }

        if (logDir is not null && Runs("logs"))
        {
            Logs(logDir);
        }

        return 0;
    }

    // ---- 1. Throttling and the lockout ----

    private static async Task ThrottlingAsync()
    {
        // One client address (forwarded by the loopback proxy, the way a reverse proxy would), as fast as it can.
        var attacker = NewAddress();
        var client = NewClient(attacker);
        var (token, _) = await LoginFormAsync(client);
        var logins = await FloodAsync("sign-in, wrong passwords, one client", 300, 8, i => client.PostAsync("/Account/Login", LoginBody(token, $"nobody{i}@example.org", "Wrong-Password-1")));
        Console.WriteLine(logins);

        var api = NewClient(NewAddress());
        Console.WriteLine(await FloodAsync("API token checks, bogus tokens, one client", 3000, 8, i =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/api/units");
            request.Headers.Authorization = new("Bearer", $"chub_bogus{i:D6}xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
            return api.SendAsync(request);
        }));

        var feeds = NewClient(NewAddress());
        Console.WriteLine(await FloodAsync("calendar feeds, bogus tokens, one client", 1000, 8, i => feeds.GetAsync($"/calendar/cal_bogus{i:D6}yyyyyyyyyyyyyyyyyyyyyyyyyyy.ics")));
    }

    private static async Task LockoutAsync()
    {
        var victim = $"victim-{Guid.NewGuid():N}@example.org";
        await CommandAsync("users", "add", "--email", victim, "--role", "Staff", "--password", "Victim-Password-1");
        var token = await CommandAsync("tokens", "create", "--email", victim);
        var feed = await CommandAsync("feeds", "create", "--email", victim);

        var attacker = NewClient(NewAddress());
        var statuses = new List<int>();
        for (var i = 0; i < 6; i++)
        {
            var (form, _) = await LoginFormAsync(attacker);
            statuses.Add((int)(await attacker.PostAsync("/Account/Login", LoginBody(form, victim, "Wrong-Password-1"))).StatusCode);
        }

        var own = NewClient(NewAddress());
        var tokenRequest = new HttpRequestMessage(HttpMethod.Get, "/api/me/duties");
        tokenRequest.Headers.Authorization = new("Bearer", token);
        var tokenStatus = (int)(await own.SendAsync(tokenRequest)).StatusCode;
        var feedStatus = (int)(await own.GetAsync(feed)).StatusCode;
        var (ownForm, _) = await LoginFormAsync(own);
        var signIn = await own.PostAsync("/Account/Login", LoginBody(ownForm, victim, "Victim-Password-1"));
        Console.WriteLine($"lockout from another client: attacker's 6 wrong passwords {string.Join(' ', statuses)}; " +
                          $"victim's token {tokenStatus}, feed {feedStatus}, password sign-in {(int)signIn.StatusCode} {signIn.Headers.Location}");
    }

    // ---- 2. Demotion while signed in ----

    private static async Task DemotionAsync(int waitSeconds)
    {
        var demoted = $"demoted-{Guid.NewGuid():N}@example.org";
        const string password = "Demoted-Password-1";
        await CommandAsync("users", "add", "--email", demoted, "--role", "Admin", "--password", password);

        var cookie = NewClient(NewAddress());
        await SignInAsync(cookie, demoted, password);
        (await UserListShownAsync(cookie)).ShouldBe(true, "the new admin sees /admin/users");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
        });
        var circuit = await NewPageAsync(browser);
        await BrowserSignInAsync(circuit, demoted, password);
        await circuit.GotoAsync("/admin/users");
        await circuit.Locator("[data-interactive=true]").WaitForAsync();
        await circuit.GetByTestId("user-list").WaitForAsync();

        var admin = await NewPageAsync(browser);
        await BrowserSignInAsync(admin, DemoAdmin, DemoPassword);
        await admin.GotoAsync("/admin/users");
        await admin.Locator("[data-interactive=true]").WaitForAsync();
        var row = admin.Locator("tr", new() { HasText = demoted });
        await row.GetByTestId("user-role-select").ClickAsync();
        await admin.GetByRole(AriaRole.Option, new() { Name = "医院职工" }).ClickAsync();
        await admin.Locator(".mud-snackbar").First.WaitForAsync();
        await row.GetByTestId("user-lock").ClickAsync();
        await admin.Locator("tr", new() { HasText = demoted }).GetByText("已锁定").WaitForAsync();
        var demotedAt = Stopwatch.StartNew();

        double? cookieLost = null, pageLost = null, circuitLost = null;
        while (demotedAt.Elapsed.TotalSeconds < waitSeconds && (cookieLost is null || pageLost is null || circuitLost is null))
        {
            var response = await cookie.GetAsync("/admin/users");
            var body = await response.Content.ReadAsStringAsync();
            if (cookieLost is null && !(response.StatusCode == HttpStatusCode.OK && body.Contains(DemoAdmin, StringComparison.Ordinal)))
            {
                cookieLost = demotedAt.Elapsed.TotalSeconds;
            }

            if (pageLost is null && response.StatusCode != HttpStatusCode.OK)
            {
                pageLost = demotedAt.Elapsed.TotalSeconds;
            }

            if (circuitLost is null && (circuit.Url.Contains("/Account/", StringComparison.Ordinal)
                                        || !await circuit.GetByTestId("user-list").GetByText(DemoAdmin).IsVisibleAsync()))
            {
                circuitLost = demotedAt.Elapsed.TotalSeconds;
            }

            await Task.Delay(250);
        }

        string Seconds(double? s) => s is { } v ? string.Create(CultureInfo.InvariantCulture, $"{v:0.0} s") : $"still open after {waitSeconds} s";
        Console.WriteLine($"demotion to Staff + lock while signed in: old cookie's /admin/users shows the users list until {Seconds(cookieLost)}, " +
                          $"page served (200) until {Seconds(pageLost)}; live circuit on /admin/users loses it after {Seconds(circuitLost)} (at {circuit.Url})");
    }

    // ---- 3. Finalising ----

    private static async Task FinaliseAsync(string adminToken, int campaignId)
    {
        var api = NewClient(NewAddress());
        api.DefaultRequestHeaders.Authorization = new("Bearer", adminToken);
        var campaign = await api.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaignId}");
        var from = DateOnly.Parse(campaign.GetProperty("startDate").GetString()!, CultureInfo.InvariantCulture);
        var to = DateOnly.Parse(campaign.GetProperty("endDate").GetString()!, CultureInfo.InvariantCulture);
        var unit = campaign.GetProperty("unitIds")[0].GetInt32();
        await UnlockAllAsync(api, campaignId);

        var parallel = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ =>
            api.PostAsJsonAsync($"/api/campaigns/{campaignId}/reports", new { lang = "zh-CN" })));
        var locked = await LockedCountAsync(api, campaignId);
        Console.WriteLine($"3 parallel finalise requests: {string.Join(' ', parallel.Select(r => (int)r.StatusCode))}; locked reports stored: {locked}");
        await UnlockAllAsync(api, campaignId);

        // An edit racing a finalise: a campaign-level figure of the period, sent while the report is being made.
        var results = new List<string>();
        var disagreements = 0;
        var delays = new[] { 50, 200, 400, 700, 1000, 1500 };
        for (var i = 0; i < delays.Length; i++)
        {
            var day = from.AddDays(i % (to.DayNumber - from.DayNumber + 1));
            var metric = "reach_portal";
            var finalise = api.PostAsJsonAsync($"/api/campaigns/{campaignId}/reports", new { lang = "zh-CN" });
            await Task.Delay(delays[i]);
            var existing = await api.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaignId}/figures?unitId={unit}&from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}&metric={metric}");
            var version = existing.EnumerateArray().Select(f => (long?)f.GetProperty("version").GetInt64()).FirstOrDefault();
            var edit = await api.PostAsJsonAsync($"/api/campaigns/{campaignId}/figures", new
            {
                unitId = unit,
                date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                figures = new Dictionary<string, decimal> { [metric] = 100_000 + i },
                versions = version is { } v ? new Dictionary<string, long> { [metric] = v } : null,
            });
            var finalised = await finalise;
            var verdict = "";
            if (finalised.StatusCode == HttpStatusCode.Created)
            {
                var id = (await finalised.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
                var snapshot = SnapshotMetric(id, metric);
                var totals = await api.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaignId}/totals?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}");
                var now = totals.GetProperty("metrics").TryGetProperty(metric, out var value) ? value.GetDecimal() : 0;
                var agree = snapshot == now;
                disagreements += agree ? 0 : 1;
                verdict = agree ? "snapshot = data" : $"snapshot {snapshot} != data {now}";
            }

            results.Add($"{delays[i]} ms: finalise {(int)finalised.StatusCode}, edit {(int)edit.StatusCode} {verdict}");
            await UnlockAllAsync(api, campaignId);
        }

        Console.WriteLine($"edit racing a finalise (6 tries): locked and different {disagreements}×; " + string.Join("; ", results));
    }

    private static decimal SnapshotMetric(int reportId, string metric)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Snapshot FROM FinalisedReports WHERE Id = $id";
        command.Parameters.AddWithValue("$id", reportId);
        var json = JsonDocument.Parse((string)command.ExecuteScalar()!);
        return json.RootElement.GetProperty("metrics").EnumerateArray()
            .Where(m => m.GetProperty("code").GetString() == metric).Select(m => m.GetProperty("value").GetDecimal()).FirstOrDefault();
    }

    private static async Task<int> LockedCountAsync(HttpClient api, int campaignId) =>
        (await api.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaignId}/reports")).EnumerateArray().Count(r => r.GetProperty("locked").GetBoolean());

    private static async Task UnlockAllAsync(HttpClient api, int campaignId)
    {
        foreach (var report in (await api.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaignId}/reports")).EnumerateArray().Where(r => r.GetProperty("locked").GetBoolean()))
        {
            (await api.PostAsJsonAsync($"/api/reports/{report.GetProperty("id").GetInt32()}/unlock", new { reason = "probe" })).EnsureSuccessStatusCode();
        }
    }

    // ---- 4. Dates and return addresses ----

    private static async Task DatesAsync(int campaignId)
    {
        var client = NewClient(NewAddress());
        await SignInAsync(client, DemoAdmin, DemoPassword);
        var lines = new List<string>();
        foreach (var path in new[]
                 {
                     "/schedule?date=9999-12-31", "/schedule?date=0001-01-01", "/schedule?view=month&date=9999-12-31",
                     $"/schedule/print.pdf?week=9999-12-31&campaignId={campaignId}", $"/schedule/print.pdf?week=0001-01-01&campaignId={campaignId}",
                     $"/api/events?campaignId={campaignId}&from=9999-12-31", $"/api/campaigns/{campaignId}/totals?from=0001-01-01&to=9999-12-31",
                 })
        {
            lines.Add($"{path} {(int)(await client.GetAsync(path)).StatusCode}");
        }

        Console.WriteLine("dates: " + string.Join("; ", lines));

        var payloads = new[]
        {
            "HTTP://127.0.0.1//x", "https://evil.example/", "//evil.example/", "/\\evil.example/", "\\\\evil.example", "http:evil.example",
            "/%2F/evil.example", "https:/evil.example", "javascript:alert(1)", "%2F%2Fevil.example", " //evil.example", "/\t/evil.example",
            "http://127.0.0.1:1@evil.example/", "///evil.example", "https://evil.example%2F@127.0.0.1/", "data:text/html,x",
            // The app's own address, spelled otherwise: upper-case scheme, doubled and back slashes.
            url.ToUpperInvariant().TrimEnd('/') + "//x", url.TrimEnd('/') + "//evil.example/", url.TrimEnd('/') + "///evil.example/",
            url.TrimEnd('/') + "/\\evil.example/", url.Replace("http://", "HTTP://", StringComparison.Ordinal).TrimEnd('/') + "/x",
        };
        var redirects = new List<string>();
        var fiveHundreds = 0;
        var offSite = 0;
        foreach (var payload in payloads)
        {
            var browser = NewClient(NewAddress());
            var (form, _) = await LoginFormAsync(browser, "/Account/Login?ReturnUrl=" + Uri.EscapeDataString(payload));
            var response = await browser.PostAsync("/Account/Login?ReturnUrl=" + Uri.EscapeDataString(payload), LoginBody(form, DemoAdmin, DemoPassword));
            var location = response.Headers.Location?.OriginalString ?? "";
            fiveHundreds += (int)response.StatusCode >= 500 ? 1 : 0;
            var target = response.Headers.Location is { } l ? new Uri(new Uri(url), l) : null;
            var leaves = target is not null && (target.Host != new Uri(url).Host || target.Scheme is not ("http" or "https"));
            offSite += leaves ? 1 : 0;
            if (payload == payloads[0] || payload.StartsWith("HTTP://", StringComparison.Ordinal) || leaves || (int)response.StatusCode >= 500)
            {
                redirects.Add($"{payload} → {(int)response.StatusCode} {location}");
            }
        }

        Console.WriteLine($"sign-in return addresses ({payloads.Length} payloads): {fiveHundreds} × 5xx, {offSite} × off-site redirect; " + string.Join("; ", redirects));
    }

    // ---- 5. Chromium killed during a render ----

    private static async Task ChromiumAsync(string adminToken, int campaignId)
    {
        var api = NewClient(NewAddress());
        api.Timeout = TimeSpan.FromMinutes(3);
        api.DefaultRequestHeaders.Authorization = new("Bearer", adminToken);
        var path = $"/api/campaigns/{campaignId}/report.pdf";
        var warm = await api.GetAsync(path);
        if (appPid == 0)
        {
            Console.WriteLine($"chromium: warm render {(int)warm.StatusCode}; no --app-pid, so no kill");
            return;
        }

        // Each browser is killed while it renders (it has a page, a renderer process, open), twice during the request.
        var killed = new HashSet<int>();
        var render = Stopwatch.StartNew();
        var request = api.GetAsync(path);
        while (!request.IsCompleted && killed.Count < 2 && render.Elapsed < TimeSpan.FromSeconds(60))
        {
            foreach (var pid in RendererBrowsers(rendering: true).Where(p => !killed.Contains(p)))
            {
                try
                {
                    using var process = Process.GetProcessById(pid);
                    process.Kill(entireProcessTree: true);
                    killed.Add(pid);
                }
                catch (ArgumentException)
                {
                }
            }

            await Task.Delay(10);
        }

        var response = await request;
        var problem = await response.Content.ReadAsStringAsync();
        var retryAfter = response.Headers.RetryAfter?.ToString() ?? "none";
        var after = await api.GetAsync(path);
        Console.WriteLine($"chromium killed {killed.Count}× during one render: {(int)response.StatusCode} in {render.Elapsed.TotalSeconds:0.0} s, Retry-After {retryAfter}" +
                          $"{((int)response.StatusCode >= 500 && problem.Length < 400 ? " " + problem : "")}; next render {(int)after.StatusCode} ({after.Content.Headers.ContentType})");
    }

    /// <summary>
    /// Main processes of the report Chromium (its unreachable proxy flag) that descend from the app; with
    /// <paramref name="rendering"/>, only those with a page's renderer process open.
    /// </summary>
    private static List<int> RendererBrowsers(bool rendering = false)
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                parents[pid] = int.Parse(fields[1], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
            }
        }

        bool Descends(int pid)
        {
            for (var guard = 0; guard < 20 && parents.TryGetValue(pid, out var parent); guard++)
            {
                if (parent == appPid)
                {
                    return true;
                }

                pid = parent;
            }

            return false;
        }

        string Command(int pid)
        {
            try
            {
                return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
            }
            catch (IOException)
            {
                return "";
            }
        }

        var descendants = parents.Keys.Where(Descends).ToDictionary(p => p, Command);
        var browsers = descendants.Where(d => d.Value.Contains("--proxy-server=http://127.0.0.1:9", StringComparison.Ordinal)
                                              && !d.Value.Contains("--type=", StringComparison.Ordinal)).Select(d => d.Key);
        return browsers.Where(b => !rendering || descendants.Any(d => d.Value.Contains("--type=renderer", StringComparison.Ordinal)
                                                                      && IsUnder(d.Key, b))).ToList();

        bool IsUnder(int pid, int ancestor)
        {
            for (var guard = 0; guard < 20 && parents.TryGetValue(pid, out var parent); guard++)
            {
                if (parent == ancestor)
                {
                    return true;
                }

                pid = parent;
            }

            return false;
        }
    }

    // ---- 6. Headers ----

    private static async Task HeadersAsync(string adminToken)
    {
        var client = NewClient(NewAddress());
        var login = await client.GetAsync("/Account/Login");
        var api = new HttpRequestMessage(HttpMethod.Get, "/api/units");
        api.Headers.Authorization = new("Bearer", adminToken);
        var apiResponse = await client.SendAsync(api);
        string Header(HttpResponseMessage r, string name) =>
            r.Headers.TryGetValues(name, out var values) || r.Content.Headers.TryGetValues(name, out values) ? string.Join(" | ", values) : "none";
        foreach (var name in new[] { "Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy", "Strict-Transport-Security" })
        {
            Console.WriteLine($"header {name}: login page {Header(login, name)}; API {Header(apiResponse, name)}");
        }

        var cookies = login.Headers.TryGetValues("Set-Cookie", out var set) ? set.Select(c => c.Split(';')[0].Split('=')[0] + (c.Contains("secure", StringComparison.OrdinalIgnoreCase) ? " (Secure)" : " (not Secure)")) : [];
        Console.WriteLine($"cookies of the login page: {string.Join(", ", cookies)}");

        // The Host header of the request, reflected?
        var feed = await CommandAsync("feeds", "create", "--email", DemoAdmin, "--campaign", (await CurrentCampaignAsync(adminToken)).ToString(CultureInfo.InvariantCulture));
        var evil = NewClient(NewAddress());
        var feedRequest = new HttpRequestMessage(HttpMethod.Get, feed);
        feedRequest.Headers.Host = "evil.example";
        var feedResponse = await evil.SendAsync(feedRequest);
        var ics = await feedResponse.Content.ReadAsStringAsync();
        var urls = UrlLine().Matches(ics).Select(m => new Uri(m.Groups[1].Value).Host).Distinct().ToList();
        var challenge = new HttpRequestMessage(HttpMethod.Get, "/events");
        challenge.Headers.Host = "evil.example";
        var redirect = await evil.SendAsync(challenge);
        Console.WriteLine($"Host: evil.example → feed {(int)feedResponse.StatusCode} with event URLs on {(urls.Count == 0 ? "no host" : string.Join(", ", urls))}; " +
                          $"sign-in redirect {(int)redirect.StatusCode} to {redirect.Headers.Location}");
    }

    /// <summary>A campaign of this week with one event, so a feed of it is not empty (the demo week is years ago).</summary>
    private static async Task<int> CurrentCampaignAsync(string adminToken)
    {
        var api = NewClient(NewAddress());
        api.DefaultRequestHeaders.Authorization = new("Bearer", adminToken);
        var unit = (await api.GetFromJsonAsync<JsonElement>("/api/units"))[0].GetProperty("id").GetInt32();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var created = await api.PostAsJsonAsync("/api/campaigns", new
        {
            name = $"Probe {Guid.NewGuid():N}",
            startDate = today.AddDays(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            endDate = today.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            unitIds = new[] { unit },
        });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var start = DateTime.UtcNow.Date.AddHours(9);
        (await api.PostAsJsonAsync("/api/events", new
        {
            campaignId = id, unitIds = new[] { unit }, title = "Probe lecture", kind = "lecture", channel = "offline",
            start = start.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
            end = start.AddHours(2).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
        })).EnsureSuccessStatusCode();
        return id;
    }

    // ---- 7. The API's fallback ----

    private static async Task FallbackAsync(string adminToken)
    {
        var client = NewClient(NewAddress());
        client.DefaultRequestHeaders.Authorization = new("Bearer", adminToken);
        var unknown = await client.GetAsync("/api/no-such-thing");
        var wrongType = await client.PostAsync("/api/units", new StringContent("name=x", Encoding.UTF8, "text/plain"));
        var anonymous = await NewClient(NewAddress()).GetAsync("/api/no-such-thing");
        Console.WriteLine($"API fallback: unknown path with a token {(int)unknown.StatusCode} {unknown.Content.Headers.ContentType} {unknown.Headers.Location}; " +
                          $"text/plain POST with a token {(int)wrongType.StatusCode} {wrongType.Content.Headers.ContentType} {wrongType.Headers.Location}; " +
                          $"unknown path without a token {(int)anonymous.StatusCode} {anonymous.Headers.Location}");
    }

    // ---- 8. Request logs ----

    private static void Logs(string logDir)
    {
        var text = string.Join('\n', Directory.GetFiles(logDir).Select(f =>
        {
            using var stream = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return new StreamReader(stream).ReadToEnd();
        }));
        var requestLines = text.Split('\n').Count(l => RequestLine().IsMatch(l));
        var feedTokens = FeedToken().Matches(text).Count;
        Console.WriteLine($"request log lines in the file: {requestLines}; full calendar feed tokens in it: {feedTokens}; bearer tokens: {Regex.Count(text, "chub_[A-Za-z0-9_-]{20,}")}");
    }

    // ---- helpers ----

    private static string NewAddress() => $"198.51.100.{Interlocked.Increment(ref nextAddress)}";

    private static HttpClient NewClient(string address)
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer(), MaxConnectionsPerServer = 16 })
        {
            BaseAddress = new Uri(url),
            Timeout = TimeSpan.FromSeconds(60),
        };
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    private static async Task<string> FloodAsync(string name, int total, int concurrency, Func<int, Task<HttpResponseMessage>> send)
    {
        var statuses = new int[total];
        var finishedAt = new double[total];
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < total)
            {
                using var response = await send(i);
                statuses[i] = (int)response.StatusCode;
                finishedAt[i] = clock.Elapsed.TotalSeconds;
            }
        }));
        var elapsed = clock.Elapsed.TotalSeconds;
        var counts = statuses.GroupBy(s => s).OrderBy(g => g.Key).Select(g => $"{g.Count()}×{g.Key}");
        var first429 = Array.IndexOf(statuses, 429);
        var accepted = statuses.Count(s => s != 429);
        var firstWindow = first429 < 0 ? elapsed : finishedAt[first429];
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"{name}: {total} requests in {elapsed:0.0} s ({total / elapsed:0} /s): {string.Join(", ", counts)}; ");
        return summary + (first429 < 0
            ? "never a 429"
            : string.Create(CultureInfo.InvariantCulture,
                $"first 429 after {first429} answered requests ({first429 / Math.Max(firstWindow, 0.001):0} /s until then), {accepted} not refused"));
    }

    private static async Task<(string Token, string Html)> LoginFormAsync(HttpClient client, string path = "/Account/Login")
    {
        var html = await client.GetStringAsync(path);
        var match = AntiforgeryField().Match(html);
        return (WebUtility.HtmlDecode(match.Groups[1].Value), html);
    }

    private static FormUrlEncodedContent LoginBody(string token, string email, string password) => new(new Dictionary<string, string>
    {
        ["__RequestVerificationToken"] = token,
        ["_handler"] = "login",
        ["Input.Email"] = email,
        ["Input.Password"] = password,
    });

    private static async Task SignInAsync(HttpClient client, string email, string password)
    {
        var (token, _) = await LoginFormAsync(client);
        var response = await client.PostAsync("/Account/Login", LoginBody(token, email, password));
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location!.OriginalString.Contains("Account/", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Sign-in as {email} failed: {(int)response.StatusCode} {response.Headers.Location}");
        }
    }

    private static async Task<bool> UserListShownAsync(HttpClient client)
    {
        var response = await client.GetAsync("/admin/users");
        return response.StatusCode == HttpStatusCode.OK && (await response.Content.ReadAsStringAsync()).Contains(DemoAdmin, StringComparison.Ordinal);
    }

    private static void ShouldBe(this bool actual, bool expected, string what)
    {
        if (actual != expected)
        {
            throw new InvalidOperationException($"Expected: {what}");
        }
    }

    private static async Task<IPage> NewPageAsync(IBrowser browser)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = url,
            ExtraHTTPHeaders = new Dictionary<string, string> { ["X-Forwarded-For"] = NewAddress() },
        });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    private static async Task BrowserSignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("input[name='Input.Email']", email);
        await page.FillAsync("input[name='Input.Password']", password);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync(u => !u.Contains("/Account/Login", StringComparison.Ordinal));
    }

    private static async Task<int> FirstCampaignAsync(string token)
    {
        var client = NewClient(NewAddress());
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return (await client.GetFromJsonAsync<JsonElement>("/api/campaigns"))[0].GetProperty("id").GetInt32();
    }

    /// <summary>One of the instance's admin commands on its database; its last output line.</summary>
    private static async Task<string> CommandAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = appDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(appDir, "CampaignHub.Web.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ConnectionStrings__CampaignHub"] = $"Data Source={database}";
        start.Environment["Serilog__WriteTo__1__Args__path"] = Path.Combine(Path.GetTempPath(), "campaignhub-probe-commands", "log-.txt");
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{string.Join(' ', args)}: exit {process.ExitCode}: {error}");
        }

        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
    }

    private static string? Arg(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex(@"^URL(?:;[^:]*)?:(\S+)", RegexOptions.Multiline)]
    private static partial Regex UrlLine();

    [GeneratedRegex(@"HTTP (GET|POST|PUT|DELETE|HEAD) ")]
    private static partial Regex RequestLine();

    [GeneratedRegex("cal_[A-Za-z0-9_-]{20,}")]
    private static partial Regex FeedToken();
}
