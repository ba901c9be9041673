namespace CampaignHub.Web.Features.Reports;

/// <summary>Says once at start-up whether PDFs can be rendered, and how to fix it when not; the app runs either way.</summary>
internal sealed partial class ChromiumAvailabilityCheck(ChromiumLocator locator, ILogger<ChromiumAvailabilityCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (locator.Find() is { } path)
        {
            LogFound(logger, path);
        }
        else
        {
            LogMissing(logger, ChromiumLocator.InstallCommand);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "PDF rendering uses Chromium at {ChromiumPath}")]
    private static partial void LogFound(ILogger logger, string chromiumPath);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Chromium was not found (Reports:ChromiumPath). PDF output is unavailable until it is installed: {InstallCommand}")]
    private static partial void LogMissing(ILogger logger, string installCommand);
}
