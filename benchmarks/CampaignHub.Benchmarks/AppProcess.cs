using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CampaignHub.Benchmarks;

/// <summary>
/// The real app as its own process, for the benchmarks that measure it through HTTP (<see cref="ReportApiBenchmark"/>,
/// <see cref="LoadBenchmark"/>): the Release build beside the benchmark, started with the given settings on a loopback
/// port, its error output echoed with an "app:" prefix.
/// </summary>
internal static class AppProcess
{
    /// <summary>The app's Release build folder in this repository.</summary>
    public static string Directory()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "CampaignHub.sln")))
        {
            root = Path.GetDirectoryName(root.TrimEnd('/')) ?? throw new InvalidOperationException("No CampaignHub.sln above the benchmark.");
        }

        return Path.Combine(root, "src/CampaignHub.Web/bin/Release/net10.0");
    }

    public static Process Start(IReadOnlyDictionary<string, string> settings, int port)
    {
        var start = StartInfo(settings, "--urls", $"http://127.0.0.1:{port}");
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine($"app: {e.Data}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>One of the app's admin commands (<c>tokens create …</c>) with the same settings; its last line of output.</summary>
    public static async Task<string> RunCommandAsync(IReadOnlyDictionary<string, string> settings, params string[] args)
    {
        using var process = Process.Start(StartInfo(settings, args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0
            ? (await output).Trim().Split('\n')[^1].Trim()
            : throw new InvalidOperationException($"CampaignHub.Web {string.Join(' ', args)} exited with {process.ExitCode}: {await error}\n{await output}");
    }

    public static async Task WaitForHealthAsync(HttpClient http, Process app, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            if (app.HasExited)
            {
                throw new InvalidOperationException($"The app exited with {app.ExitCode} before it answered /health.");
            }

            try
            {
                if ((await http.GetAsync("/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"The app did not answer /health within {within.TotalSeconds:0} s.");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string> settings, params string[] args)
    {
        var directory = Directory();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(directory, "CampaignHub.Web.dll"));
        foreach (var argument in args)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        return start;
    }
}
