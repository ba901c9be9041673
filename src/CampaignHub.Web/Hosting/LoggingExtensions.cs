using CampaignHub.Web.Features.CalendarFeeds;
using Serilog;
using Serilog.Events;

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

    /// <summary>
    /// One line per request ("HTTP GET /events responded 200 in 12.3 ms"), through the host's own logger: Serilog's
    /// middleware would otherwise write to the static Log.Logger, which this app leaves unconfigured. The path is
    /// logged without its query string and with calendar feed tokens cut to the part the profile page shows (a feed
    /// token is a password in the path); bodies and headers are never logged.
    /// </summary>
    public static WebApplication UseCampaignHubRequestLogging(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<Serilog.ILogger>();
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = logger;
            options.IncludeQueryInRequestPath = false;
            options.GetLevel = (context, _, exception) =>
                exception is not null || context.Response.StatusCode >= 500 ? LogEventLevel.Error : LogEventLevel.Information;
            options.GetMessageTemplateProperties = (context, path, elapsed, status) =>
            [
                new LogEventProperty("RequestMethod", new ScalarValue(context.Request.Method)),
                new LogEventProperty("RequestPath", new ScalarValue(MaskSecrets(path))),
                new LogEventProperty("StatusCode", new ScalarValue(status)),
                new LogEventProperty("Elapsed", new ScalarValue(elapsed)),
            ];
        });
        return app;
    }

    /// <summary>"/calendar/cal_AbCdEf…(the rest of the token).ics" → "/calendar/cal_AbCdEf….ics", as the profile page shows it.</summary>
    public static string MaskSecrets(string path)
    {
        const string feeds = "/calendar/";
        const string extension = ".ics";
        var shown = CalendarFeedService.TokenPrefix.Length + 6;
        if (!path.StartsWith(feeds, StringComparison.OrdinalIgnoreCase) || !path.EndsWith(extension, StringComparison.OrdinalIgnoreCase)
            || path.Length - feeds.Length - extension.Length <= shown)
        {
            return path;
        }

        return $"{feeds}{path.AsSpan(feeds.Length, shown)}…{extension}";
    }
}
