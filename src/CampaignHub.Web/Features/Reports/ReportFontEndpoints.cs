namespace CampaignHub.Web.Features.Reports;

public static class ReportFontEndpoints
{
    /// <summary>
    /// <c>GET /report-fonts/{file}</c>: the report fonts for the on-screen previews of printed documents, which name
    /// them by this path. Open-licensed files, the same for everyone: no sign-in, cached for a year (a changed font
    /// gets a new file name).
    /// </summary>
    public static IEndpointRouteBuilder MapReportFonts(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ReportFonts.PathPrefix + "{file}", (string file, HttpContext context) =>
            {
                if (ReportFonts.Find(ReportFonts.PathPrefix + file) is not { } font)
                {
                    return Results.NotFound();
                }

                context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
                return Results.Bytes(font.Content, ReportFonts.ContentType);
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
        return endpoints;
    }
}
