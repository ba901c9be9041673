namespace CampaignHub.Web.Features.Reports;

public static class ReportServiceCollectionExtensions
{
    public static IServiceCollection AddCampaignHubReports(this IServiceCollection services)
    {
        services.AddOptions<ReportOptions>().BindConfiguration(ReportOptions.Section);
        services.AddSingleton<ChromiumLocator>();
        services.AddHostedService<ChromiumAvailabilityCheck>();
        return services;
    }
}
