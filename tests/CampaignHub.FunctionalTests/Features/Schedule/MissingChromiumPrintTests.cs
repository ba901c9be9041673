using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CampaignHub.Testing;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Reports;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignHub.FunctionalTests.Features.Schedule;

public sealed class MissingChromiumPrintTests
{
    [Fact]
    public async Task Without_chromium_printing_is_a_503_that_says_how_to_install_it()
    {
        using var factory = new CampaignHubAppFactory();
        factory.Settings["Reports:ChromiumPath"] = "/nonexistent/chromium";
        var unit = await factory.AddUnitAsync("乳腺癌专委会");
        var email = $"staff-{Guid.NewGuid():N}@test.campaignhub.local";
        await factory.CreateUserAsync(email, Roles.Staff);
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await SignIn.AsAsync(client, email, TestData.Password);

        var response = await client.GetAsync($"/schedule/print.pdf?week=2021-04-15&unitId={unit}");

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("detail").GetString()!.ShouldContain("sudo apt-get install -y chromium fonts-noto-cjk");
        problem.GetProperty("detail").GetString()!.ShouldContain("Chromium");

        // Code that renders PDFs itself (the schedule page) gets an exception that says the same.
        var renderer = factory.Services.GetRequiredService<IPdfRenderer>();
        var error = await Should.ThrowAsync<PdfRendererUnavailableException>(() => renderer.RenderAsync("<p>x</p>", new PdfPageOptions()));
        error.Message.ShouldContain(ChromiumLocator.InstallCommand);
    }
}
