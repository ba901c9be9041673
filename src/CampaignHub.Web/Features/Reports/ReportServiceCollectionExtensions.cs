namespace CampaignHub.Web.Features.Reports;

public static class ReportServiceCollectionExtensions
{
    public static IServiceCollection AddCampaignHubReports(this IServiceCollection services)
    {
        services.AddOptions<ReportOptions>().BindConfiguration(ReportOptions.Section);
        services.AddSingleton<ChromiumLocator>();
        return services;
    }

    /// <summary>Says once at start-up when PDFs cannot be rendered, and how to fix it; the app runs on.</summary>
    public static void LogChromiumAvailability(this WebApplication app)
    {
        var path = app.Services.GetRequiredService<ChromiumLocator>().Find();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("CampaignHub.Reports");
        if (path is null)
        {
            logger.LogWarning(
                "Chromium was not found (set Reports:ChromiumPath). PDF output is unavailable until it is installed: {InstallCommand}",
                ChromiumLocator.InstallCommand);
        }
        else
        {
            logger.LogInformation("PDF rendering uses Chromium at {ChromiumPath}", path);
        }
    }
}
