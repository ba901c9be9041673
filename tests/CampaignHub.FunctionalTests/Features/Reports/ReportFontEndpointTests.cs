using System.Net;
using CampaignHub.Testing;
using CampaignHub.Web.Features.Reports;

namespace CampaignHub.FunctionalTests.Features.Reports;

/// <summary>The report fonts the on-screen previews load: open-licensed files for anyone, nothing else under the path.</summary>
public sealed class ReportFontEndpointTests(CampaignHubAppFactory factory) : IClassFixture<CampaignHubAppFactory>
{
    [Fact]
    public async Task A_visitor_who_is_not_signed_in_gets_both_report_fonts_as_truetype_cached_for_a_year_and_nothing_else()
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        foreach (var font in ReportFonts.All)
        {
            var response = await client.GetAsync(ReportFonts.PathPrefix + font.FileName);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("font/ttf");
            response.Headers.CacheControl!.MaxAge.ShouldBe(TimeSpan.FromDays(365));
            var bytes = await response.Content.ReadAsByteArrayAsync();
            // A TrueType-outline font (sfnt version 1.0), not an OpenType/CFF one ("OTTO"), of a sensible size.
            bytes.AsSpan(0, 4).ToArray().ShouldBe(new byte[] { 0, 1, 0, 0 });
            bytes.Length.ShouldBeInRange(500_000, 5_000_000);
        }

        // Any other name is not found (a visitor who is not signed in is sent to sign in for the not-found page).
        foreach (var other in new[] { "NotoSansCJK-Regular.ttc", "..%2Fappsettings.json", "CampaignHubSansSC-Regular.ttf.bak" })
        {
            var response = await client.GetAsync(ReportFonts.PathPrefix + other);
            response.StatusCode.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.Redirect);
            response.Content.Headers.ContentType?.MediaType.ShouldNotBe("font/ttf");
        }
    }
}
