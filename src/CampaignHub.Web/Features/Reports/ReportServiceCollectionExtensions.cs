namespace CampaignHub.Web.Features.Reports;

public static class ReportServiceCollectionExtensions
{
    public static IServiceCollection AddCampaignHubReports(this IServiceCollection services)
    {
        services.AddOptions<ReportOptions>().BindConfiguration(ReportOptions.Section);
        services.AddSingleton<ChromiumLocator>();
        services.AddHostedService<ChromiumAvailabilityCheck>();
        // One warm browser for the whole app; the container disposes it (and closes Chromium) at shutdown.
        services.AddSingleton<ChromiumPdfRenderer>();
        services.AddSingleton<IPdfRenderer>(sp => sp.GetRequiredService<ChromiumPdfRenderer>());
        // Scoped: the components it renders may inject scoped services (the localizer, the clock, ...).
        services.AddScoped<RazorHtmlRenderer>();
        return services;
    }
}
