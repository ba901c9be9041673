using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;

namespace CampaignHub.Benchmarks;

/// <summary>
/// Issue 14: API reads under load. The real app runs as its own process (Production settings, demo data) on SQLite or
/// on a PostgreSQL database; a 1,000-event week goes in through the app's own import API; then Debian's <c>hey</c>
/// asks, for <c>--seconds</c> each at 1, 10 and 50 concurrent clients, for <c>/health</c> (the framework's floor), the
/// event list's first page of the week and the week's totals, with an admin's API token. Prints requests/s and
/// p50/p95/p99 from hey's own latency distribution, and what answered other than 200.
/// </summary>
internal static partial class LoadBenchmark
{
    private const string DemoPassword = "Load-Benchmark-2026!";
    private const int WeekEvents = 1_000;
    private static readonly int[] Clients = [1, 10, 50];

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = int.Parse(Option(args, "--seconds") ?? "20", CultureInfo.InvariantCulture);
        var postgres = Option(args, "--postgres");
        var hey = new[] { "/usr/bin/hey", "/usr/local/bin/hey" }.FirstOrDefault(File.Exists)
                  ?? throw new InvalidOperationException("hey is not installed (apt-get install hey); scripts/bench-load.sh installs it.");
        var work = Path.Combine(Path.GetTempPath(), "campaignhub-load", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        var database = postgres is null ? null : $"campaignhub_load_{Guid.NewGuid():N}"[..30];
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Seed__Demo"] = "true",
            ["Seed__DemoPassword"] = DemoPassword,
            ["Admin__Password"] = DemoPassword,
            // Warnings only, to a file in the throwaway folder: request logging must not be what is measured.
            ["Serilog__MinimumLevel__Default"] = "Warning",
            ["Serilog__MinimumLevel__Override__Microsoft.Hosting.Lifetime"] = "Warning",
            ["Serilog__WriteTo__1__Args__path"] = Path.Combine(work, "logs", "app-.log"),
            // hey is one client address, and the app allows one address 1,200 API requests a minute (RateLimits:Api):
            // the load of many users is measured here, so that one client's bucket is made big enough for all of them.
            ["RateLimits__Api__Burst"] = "1000000",
            ["RateLimits__Api__PerMinute"] = "100000000",
        };
        if (postgres is null)
        {
            settings["ConnectionStrings__CampaignHub"] = $"Data Source={Path.Combine(work, "campaignhub.db")}";
        }
        else
        {
            settings["Database__Provider"] = "PostgreSql";
            settings["ConnectionStrings__CampaignHub"] = new NpgsqlConnectionStringBuilder(postgres) { Database = database }.ConnectionString;
            await using var server = new NpgsqlConnection(postgres);
            await server.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", server);
            await create.ExecuteNonQueryAsync();
        }

        var port = AppProcess.FreePort();
        Process? app = null;
        try
        {
            var started = Stopwatch.StartNew();
            app = AppProcess.Start(settings, port);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(5) };
            await AppProcess.WaitForHealthAsync(http, app, TimeSpan.FromMinutes(2));
            var token = await AppProcess.RunCommandAsync(settings, "tokens", "create", "--email", "admin@campaignhub.local", "--name", "load benchmark");
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var campaign = await AddWeekAsync(http);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"The app is up on {(postgres is null ? "SQLite" : "PostgreSQL")} with the demo data and a {WeekEvents:N0}-event week (campaign {campaign}) in {started.Elapsed.TotalSeconds:0.0} s; .NET {Environment.Version}, {Environment.ProcessorCount} cores; {seconds} s per row."));

            var targets = new (string Name, string Path, bool Token)[]
            {
                ("/health (the floor)", "/health", false),
                ("event list, first page of the week", $"/api/events?campaignId={campaign}", true),
                ($"totals of the {WeekEvents:N0}-event week", $"/api/campaigns/{campaign}/totals", true),
            };
            var rows = new List<string>();
            foreach (var (name, path, withToken) in targets)
            {
                foreach (var clients in Clients)
                {
                    var result = await HeyAsync(hey, $"http://127.0.0.1:{port}{path}", withToken ? token : null, clients, seconds);
                    rows.Add(string.Create(CultureInfo.InvariantCulture,
                        $"| {name} | {clients} | {result.RequestsPerSecond:N0} | {result.P50:0.0} | {result.P95:0.0} | {result.P99:0.0} | {result.Statuses} |"));
                    Console.Error.WriteLine(rows[^1]);
                }
            }

            Console.WriteLine();
            Console.WriteLine($"## API reads under load on {(postgres is null ? "SQLite" : "PostgreSQL")} (hey, {seconds} s each)");
            Console.WriteLine();
            Console.WriteLine("| request | clients | requests/s | p50 ms | p95 ms | p99 ms | answers |");
            Console.WriteLine("|---|---|---|---|---|---|---|");
            rows.ForEach(Console.WriteLine);
            return 0;
        }
        finally
        {
            if (app is { HasExited: false })
            {
                app.Kill(entireProcessTree: true);
                await app.WaitForExitAsync();
            }

            if (postgres is not null)
            {
                NpgsqlConnection.ClearAllPools();
                await using var server = new NpgsqlConnection(postgres);
                await server.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", server);
                await drop.ExecuteNonQueryAsync();
            }

            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>A campaign week of 1,000 held events with figures, imported as a coordinator's file would be.</summary>
    private static async Task<int> AddWeekAsync(HttpClient http)
    {
        var units = await http.GetFromJsonAsync<JsonElement>("/api/units");
        var unit = (units.ValueKind == JsonValueKind.Array ? units : units.GetProperty("items"))[0].GetProperty("id").GetInt32();
        var created = await http.PostAsJsonAsync("/api/campaigns", new
        {
            name = "负载基准宣传周",
            startDate = "2026-04-15",
            endDate = "2026-04-21",
            unitIds = new[] { unit },
        });
        await EnsureAsync(created, "creating the campaign");
        var campaign = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        string[] kinds = ["free_clinic", "lecture", "patient_exchange", "media_interview", "screening"];
        var csv = new StringBuilder("title,kind,channel,platform,start,end,units,venue,status,patients_benefited,staff_medical,volunteers\n");
        for (var i = 0; i < WeekEvents; i++)
        {
            var start = new DateTime(2026, 4, 15, 8, 0, 0).AddDays(i % 7).AddMinutes(i % 600);
            csv.Append(CultureInfo.InvariantCulture,
                $"宣传周活动 第{i + 1}场,{kinds[i % kinds.Length]},offline,,{start:yyyy-MM-dd HH:mm},{start.AddHours(2):yyyy-MM-dd HH:mm},{unit},社区卫生服务中心,held,{i % 300},{i % 20},{i % 15}\n");
        }

        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString()));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "week.csv");
        await EnsureAsync(await http.PostAsync($"/api/campaigns/{campaign}/events/import", form), "importing the week");
        return campaign;
    }

    private static async Task EnsureAsync(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private sealed record HeyResult(double RequestsPerSecond, double P50, double P95, double P99, string Statuses);

    private static async Task<HeyResult> HeyAsync(string hey, string url, string? token, int clients, int seconds)
    {
        var start = new ProcessStartInfo(hey) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-z", $"{seconds}s", "-c", clients.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        if (token is not null)
        {
            start.ArgumentList.Add("-H");
            start.ArgumentList.Add($"Authorization: Bearer {token}");
        }

        start.ArgumentList.Add(url);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var text = await output;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"hey exited with {process.ExitCode}: {await error}\n{text}");
        }

        double Seconds(string percent) =>
            double.Parse(Regex.Match(text, $@"{percent}% in ([0-9.]+) secs").Groups[1].Value, CultureInfo.InvariantCulture) * 1000;
        var statuses = string.Join(", ", StatusLine().Matches(text).Select(m => $"{m.Groups[2].Value} × {m.Groups[1].Value}"));
        return new HeyResult(
            double.Parse(Regex.Match(text, @"Requests/sec:\s+([0-9.]+)").Groups[1].Value, CultureInfo.InvariantCulture),
            Seconds("50"), Seconds("95"), Seconds("99"), statuses);
    }

    [GeneratedRegex(@"\[(\d{3})\]\s+(\d+) responses")]
    private static partial Regex StatusLine();

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
