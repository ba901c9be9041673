using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using CampaignHub.Web.Data;
using CampaignHub.Web.Data.Seeding;
using CampaignHub.Web.Data.Tallies;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Api;
using CampaignHub.Web.Features.Common;
using CampaignHub.Web.Features.Reports;
using CampaignHub.Web.Features.Reports.Summary;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CampaignHub.Benchmarks;

/// <summary>
/// The issue-10 benchmark (<c>--report</c>): the summary report through the HTTP API of the real app, run as its own
/// process on Kestrel over a fresh SQLite file (Shanxi demo data, plus a 1,000-event and a 10,000-event week), called
/// with a personal access token; side by side in the same run with a bare Chromium print of the same HTML (one
/// warm page, <c>SetContent</c> + <c>PdfAsync</c> with the same options and the report fonts answered from memory: the
/// floor of this design) and with the same print in a new context per render (what the app did before issue 10).
/// Warm, the median of N runs after one warm-up; the app's <c>Server-Timing</c> header says where its time went.
/// </summary>
internal static class ReportApiBenchmark
{
    private const string DemoPassword = "Bench-Demo-Password-2021";
    private const int AtOnce = 10;
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static async Task<int> RunAsync(int runs)
    {
        var work = Path.Combine(Path.GetTempPath(), "campaignhub-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        var databaseFile = Path.Combine(work, "campaignhub.db");
        Process? app = null;
        try
        {
            var port = AppProcess.FreePort();
            var started = Stopwatch.StartNew();
            app = StartApp(databaseFile, work, port);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(2) };
            await AppProcess.WaitForHealthAsync(http, app, TimeSpan.FromSeconds(90));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"The app started on port {port} with the Shanxi demo data in {started.Elapsed.TotalSeconds:0.0} s."));

            // The big weeks and the token go straight into the app's database through its own services.
            using var host = await BenchmarkHost.StartAsync(databaseFile, services => services.AddCampaignHubReports());
            var seeding = Stopwatch.StartNew();
            var weeks = new List<(string Name, int Id)>();
            foreach (var size in new[] { 1_000, 10_000 })
            {
                weeks.Add(($"{size:N0}-event week", await ReportWeeks.SeedWeekAsync(host.Services, size, new Random(size))));
            }

            // The weeks went in past the save path: their tallies are counted as a bulk load's are.
            await using (var db = await host.Services.GetRequiredService<IDbContextFactory<CampaignHubDbContext>>().CreateDbContextAsync())
            {
                await using var transaction = await db.BeginWriteTransactionAsync();
                await TallyKeeper.RecountCampaignsAsync(db, weeks.Select(w => w.Id).ToList(), CancellationToken.None);
                await transaction.CommitAsync();
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Seeded the 1,000- and 10,000-event weeks in {seeding.Elapsed.TotalSeconds:0.0} s; .NET {Environment.Version}, {Environment.ProcessorCount} cores."));
            var factory = host.Services.GetRequiredService<IDbContextFactory<CampaignHubDbContext>>();
            int shanxi;
            string adminId;
            await using (var db = await factory.CreateDbContextAsync())
            {
                shanxi = await db.Campaigns.Where(c => c.Name == ShanxiDemoSeeder.CampaignName).Select(c => c.Id).SingleAsync();
                adminId = await db.Users.Where(u => u.Email == DemoAccountSeeder.Accounts[0].Email).Select(u => u.Id).SingleAsync();
            }

            var token = await new ApiTokenService(factory, TimeProvider.System, new LastUseStamps(host.Services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<LastUseStamps>.Instance)).CreateAsync(adminId, "benchmark");
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
            List<(string Name, int Id)> reports = [("Shanxi 2021 demo", shanxi), .. weeks];

            await using var scope = host.Services.CreateAsyncScope();
            var service = scope.ServiceProvider.GetRequiredService<SummaryReportService>();
            var admin = new Actor(adminId, DemoAccountSeeder.Accounts[0].Email, IsAdmin: true, IsCoordinator: false, new HashSet<int>());
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ChromiumPdfRenderer.Flags,
            });
            var warmPage = await OpenPageAsync(browser);

            var rows = new List<Row>();
            foreach (var (name, id) in reports)
            {
                var url = $"/api/campaigns/{id}/report.pdf?lang=zh-CN";
                var first = await GetAsync(http, url);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: PDF of {first.Bytes / 1024.0:0} KiB"));

                // The same document the app prints: its HTML from the app's services, its footer, its page options.
                var report = await service.BuildAsync(admin, new SummaryReportQuery(id, Language: ReportTexts.Chinese));
                var options = new PdfPageOptions { Title = report.CampaignName, MarginTop = "15mm", MarginRight = "14mm", MarginBottom = "18mm", MarginLeft = "14mm" };
                var html = PdfPageFooter.AddTo(await service.RenderHtmlAsync(report), options);
                // The API and the floor in turn, run by run, so both see the same load from whatever else the machine runs.
                var (api, bare) = await TimeInTurnAsync(runs, () => GetAsync(http, url),
                    async () => new Response(await PrintAsync(warmPage.Page, html, options), null));
                var fresh = await TimeAsync(runs, async () =>
                {
                    var page = await OpenPageAsync(browser);
                    try
                    {
                        return new Response(await PrintAsync(page.Page, html, options), null);
                    }
                    finally
                    {
                        await page.Context.CloseAsync();
                    }
                });

                var docxUrl = $"/api/campaigns/{id}/report.docx?lang=zh-CN";
                using var docx = await http.GetAsync(docxUrl);
                // Until the .docx endpoint exists the URL falls through to the app's pages: only a Word answer counts.
                var word = docx.StatusCode == HttpStatusCode.OK && docx.Content.Headers.ContentType?.MediaType == DocxType
                    ? await TimeAsync(runs, () => GetAsync(http, docxUrl))
                    : null;
                rows.Add(new Row(name, api, bare, fresh, word, first.Bytes));
            }

            // Ten users asking for the Shanxi report at once, three times (the first round also opens the render slots' pages).
            var burst = new List<double>();
            var failures = 0;
            for (var round = 0; round < 3; round++)
            {
                var clock = Stopwatch.StartNew();
                var calls = Enumerable.Range(0, AtOnce).Select(async i =>
                {
                    var response = await http.GetAsync($"/api/campaigns/{shanxi}/report.pdf?lang=zh-CN");
                    await response.Content.ReadAsByteArrayAsync();
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        Interlocked.Increment(ref failures);
                    }

                    return clock.Elapsed.TotalMilliseconds;
                }).ToList();
                burst.Add((await Task.WhenAll(calls)).Max());
            }

            Print(rows, runs, burst, failures);
            using var self = Process.GetCurrentProcess();
            var chromium = ReportWeeks.ChromiumPeak(self.Id);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Peak memory: the app {PeakMiB(app.Id):0} MiB resident (VmHWM); Chromium (the app's and the bare print's) {chromium.Processes} processes, {chromium.PeakKiB / 1024.0:0} MiB summed peak resident set."));
            return failures == 0 ? 0 : 1;
        }
        finally
        {
            if (app is { HasExited: false })
            {
                app.Kill(entireProcessTree: true);
                await app.WaitForExitAsync();
            }

            SqliteConnection.ClearAllPools();
            Directory.Delete(work, recursive: true);
        }
    }

    private static void Print(List<Row> rows, int runs, List<double> burst, int failures)
    {
        string Ms(double ms) => ms.ToString("0", CultureInfo.InvariantCulture);
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"## Summary report through the HTTP API ({runs} runs after one warm-up; median, fastest in brackets; ms)"));
        Console.WriteLine();
        Console.WriteLine("| report | PDF through the API | bare print, warm page (floor) | API / floor | bare print, new context each | .docx through the API | PDF size |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var row in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {row.Name} | {Ms(row.Api.Median)} ({Ms(row.Api.Fastest)}) | {Ms(row.Bare.Median)} ({Ms(row.Bare.Fastest)}) | {row.Api.Median / row.Bare.Median:0.00}x "
                + $"| {Ms(row.Fresh.Median)} ({Ms(row.Fresh.Fastest)}) | {(row.Word is null ? "n/a" : $"{Ms(row.Word.Median)} ({Ms(row.Word.Fastest)})")} | {row.Bytes / 1024.0:0} KiB |"));
        }

        Console.WriteLine();
        Console.WriteLine("Where the API's time goes (the app's Server-Timing header, median of the runs, ms):");
        Console.WriteLine();
        var phases = rows.SelectMany(r => r.Api.Phases.Keys).Distinct().ToList();
        Console.WriteLine($"| report | {string.Join(" | ", phases)} |");
        Console.WriteLine($"|---|{string.Concat(phases.Select(_ => "---|"))}");
        foreach (var row in rows)
        {
            var median = phases.Select(p => row.Api.Phases.TryGetValue(p, out var v) ? Median(v) : 0).ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {row.Name} | {string.Join(" | ", median.Select(m => m.ToString("0.0", CultureInfo.InvariantCulture)))} |"));
        }

        Console.WriteLine();
        Console.WriteLine("(total = HTML + queue + page + content + print; db = statistics and sections; queue = waiting for a render slot;");
        Console.WriteLine(" page = taking a warm page or opening a new one; content = SetContent, layout and fonts; print = PdfAsync;");
        Console.WriteLine(" rest = the rest of the request: HTTP, the token, routing, sending the file.)");
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{AtOnce} Shanxi PDFs asked for at once, 3 rounds: {failures} failed; slowest answer per round {string.Join(", ", burst.Select(Ms))} ms."));
    }

    private static async Task<(Timed First, Timed Second)> TimeInTurnAsync(int runs, Func<Task<Response>> first, Func<Task<Response>> second)
    {
        await first();
        await second();
        var a = new List<Timed>();
        var b = new List<Timed>();
        for (var i = 0; i < runs; i++)
        {
            a.Add(await TimeAsync(1, first, warmUp: false));
            b.Add(await TimeAsync(1, second, warmUp: false));
        }

        return (Merge(a), Merge(b));
    }

    private static Timed Merge(List<Timed> runs) => new(
        runs.SelectMany(r => r.Milliseconds).ToList(),
        runs.SelectMany(r => r.Phases).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.SelectMany(p => p.Value).ToList()));

    private static async Task<Timed> TimeAsync(int runs, Func<Task<Response>> call, bool warmUp = true)
    {
        if (warmUp)
        {
            await call();
        }

        var times = new List<double>();
        var phases = new Dictionary<string, List<double>>();
        for (var i = 0; i < runs; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            var response = await call();
            var elapsed = stopwatch.Elapsed.TotalMilliseconds;
            times.Add(elapsed);
            if (response.Phases is { Count: > 0 } measured)
            {
                // What the app's own phases do not cover: HTTP, authentication, routing, writing the response.
                measured = [.. measured, ("rest", elapsed - measured.Where(p => p.Name is "db" or "total").Sum(p => p.Ms))];
                response = response with { Phases = measured };
            }

            foreach (var (name, ms) in response.Phases ?? [])
            {
                (phases.TryGetValue(name, out var list) ? list : phases[name] = []).Add(ms);
            }
        }

        return new Timed(times, phases);
    }

    /// <summary>A GET to its last byte; a non-200 answer stops the benchmark.</summary>
    private static async Task<Response> GetAsync(HttpClient http, string url)
    {
        using var response = await http.GetAsync(url);
        var body = await response.Content.ReadAsByteArrayAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {url}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(body)}");
        }

        var phases = new List<(string, double)>();
        if (response.Headers.TryGetValues("Server-Timing", out var values))
        {
            foreach (var entry in values.SelectMany(v => v.Split(',')))
            {
                var parts = entry.Trim().Split(";dur=");
                if (parts.Length == 2)
                {
                    phases.Add((parts[0], double.Parse(parts[1], CultureInfo.InvariantCulture)));
                }
            }
        }

        return new Response(body, phases);
    }

    private static Task<byte[]> PrintAsync(IPage page, string html, PdfPageOptions options) =>
        page.SetContentAsync(html).ContinueWith(_ => page.PdfAsync(new PagePdfOptions
        {
            Format = "A4",
            Landscape = options.Landscape,
            PrintBackground = true,
            Margin = new Margin { Top = options.MarginTop, Right = options.MarginRight, Bottom = options.MarginBottom, Left = options.MarginLeft },
        }), TaskScheduler.Default).Unwrap();

    /// <summary>A page as the app's renderer opens one: no JavaScript, the document origin and the fonts from memory.</summary>
    private static async Task<(IBrowserContext Context, IPage Page)> OpenPageAsync(IBrowser browser)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        await context.RouteAsync("**/*", route =>
        {
            var url = route.Request.Url;
            if (url.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
            {
                return route.ContinueAsync();
            }

            var path = url.StartsWith(ChromiumPdfRenderer.DocumentOrigin, StringComparison.Ordinal) ? url[ChromiumPdfRenderer.DocumentOrigin.Length..] : "";
            return path == "/"
                ? route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "text/html", Body = "" })
                : ReportFonts.Find(path) is { } font
                    ? route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = ReportFonts.ContentType, BodyBytes = font.Content })
                    : route.AbortAsync("blockedbyclient");
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(ChromiumPdfRenderer.DocumentOrigin + "/");
        return (context, page);
    }

    private static Process StartApp(string databaseFile, string work, int port) =>
        AppProcess.Start(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__CampaignHub"] = $"Data Source={databaseFile}",
            ["Seed__Demo"] = "true",
            ["Seed__DemoPassword"] = DemoPassword,
            ["Admin__Password"] = DemoPassword,
            // Warnings only, and the log file in the throwaway folder: request logging must not be what is measured.
            ["Serilog__MinimumLevel__Default"] = "Warning",
            ["Serilog__MinimumLevel__Override__Microsoft.Hosting.Lifetime"] = "Warning",
            ["Serilog__WriteTo__1__Args__path"] = Path.Combine(work, "logs", "app-.log"),
        }, port);

    private static double PeakMiB(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
    }

    private static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private sealed record Response(byte[] Body, IReadOnlyList<(string Name, double Ms)>? Phases)
    {
        public int Bytes => Body.Length;
    }

    private sealed record Timed(IReadOnlyList<double> Milliseconds, Dictionary<string, List<double>> Phases)
    {
        public double Median => ReportApiBenchmark.Median(Milliseconds);

        public double Fastest => Milliseconds.Min();
    }

    private sealed record Row(string Name, Timed Api, Timed Bare, Timed Fresh, Timed? Word, int Bytes);
}
