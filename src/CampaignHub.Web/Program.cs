using CampaignHub.Web.Data;
using CampaignHub.Web.Features.AdminCommands;
using CampaignHub.Web.Hosting;

// `CampaignHub.Web migrate`, `users add ...` etc. run an admin command instead of the web server.
var command = AdminCommandLine.IsAdminCommand(args);
var builder = WebApplication.CreateBuilder(command ? AdminCommandLine.HostArgs(args) : args);
if (command)
{
    AdminCommandLine.QuietLogging(builder.Configuration);
}

builder.AddCampaignHub();
var app = builder.Build();

try
{
    if (command)
    {
        return await AdminCommandLine.RunAsync(app.Services, args, Console.Out, Console.Error);
    }

    await app.Services.InitializeCampaignHubDatabaseAsync();
    app.UseCampaignHub();
}
catch (StartupConfigurationException ex)
{
    await Console.Error.WriteLineAsync(ex.Message);
    return 1;
}

await app.RunAsync();
return 0;

/// <summary>Entry point; public so the functional and end-to-end tests can host the real app.</summary>
public partial class Program;
