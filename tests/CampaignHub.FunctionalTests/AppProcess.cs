using System.Diagnostics;
using CampaignHub.Testing;

namespace CampaignHub.FunctionalTests;

/// <summary>Runs the built app's executable as an operator would, with environment-variable configuration.</summary>
public static class AppProcess
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static async Task<Result> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var dll = Path.Combine(RepositoryPaths.WebAppDirectory, "CampaignHub.Web.dll");
        File.Exists(dll).ShouldBeTrue($"the app must be built first: {dll}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryPaths.WebAppDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        // Logs of these throwaway runs go to the temp folder, not the repository.
        start.Environment["Serilog__WriteTo__1__Args__path"] = Path.Combine(Path.GetTempPath(), "campaignhub-tests", "process-logs", "log-.txt");
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"CampaignHub.Web {string.Join(' ', args)} did not exit within 60 s. Output: {await output}");
        }

        return new Result(process.ExitCode, await output, await error);
    }
}
