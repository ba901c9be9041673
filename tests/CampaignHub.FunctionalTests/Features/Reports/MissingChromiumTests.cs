using System.Net;
using CampaignHub.Testing;

namespace CampaignHub.FunctionalTests.Features.Reports;

public sealed class MissingChromiumTests
{
    [Fact]
    public async Task Without_chromium_the_app_still_serves_and_logs_how_to_install_it()
    {
        using var factory = new CampaignHubAppFactory();
        factory.Settings["Reports:ChromiumPath"] = "/nonexistent/chromium";

        var response = await factory.CreateClient().GetAsync("/health/ready");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        // The check runs in the background and the file sink writes asynchronously: give it a moment on a busy machine.
        var log = factory.ReadLog();
        for (var waited = 0; !log.Contains("Chromium was not found", StringComparison.Ordinal) && waited < 10_000; waited += 200)
        {
            await Task.Delay(200);
            log = factory.ReadLog();
        }

        log.ShouldContain("Chromium was not found");
        log.ShouldContain("apt-get install -y chromium fonts-noto-cjk");
    }
}
