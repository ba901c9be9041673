using Serilog;

namespace CampaignHub.Web.Hosting;

public static class LoggingExtensions
{
    /// <summary>Serilog from the "Serilog" section of appsettings: console and a rolling file by default.</summary>
    public static WebApplicationBuilder AddCampaignHubLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(services.GetRequiredService<IConfiguration>())
            .ReadFrom.Services(services)
            .Enrich.FromLogContext());
        return builder;
    }
}
