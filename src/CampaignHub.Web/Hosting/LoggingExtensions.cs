using Serilog;

namespace CampaignHub.Web.Hosting;

public static class LoggingExtensions
{
    /// <summary>Serilog from the "Serilog" section of appsettings: console and a rolling file by default.</summary>
    public static WebApplicationBuilder AddCampaignHubLogging(this WebApplicationBuilder builder)
    {
        // Each host logs through its own logger, not the process-wide Log.Logger: two hosts in one process (tests,
        // several apps) would otherwise write into each other's files.
        builder.Services.AddSerilog(
            (services, logger) => logger
                .ReadFrom.Configuration(services.GetRequiredService<IConfiguration>())
                .ReadFrom.Services(services)
                .Enrich.FromLogContext(),
            preserveStaticLogger: true);
        return builder;
    }
}
