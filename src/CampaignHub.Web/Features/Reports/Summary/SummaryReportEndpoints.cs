using System.Globalization;
using CampaignHub.Web.Features.Api;
using CampaignHub.Web.Features.Common;
using Microsoft.Extensions.Localization;

namespace CampaignHub.Web.Features.Reports.Summary;

/// <summary>Finalising a report: the period, unit and language, as the report's query string takes them.</summary>
public sealed record FinaliseReportInput(DateOnly? From, DateOnly? To, string? Lang, int? UnitId, int? DraftId = null);

/// <summary>Unlocking a finalised report: why, and the version read (optional).</summary>
public sealed record UnlockReportInput(string? Reason, long? Version);

public static class SummaryReportEndpoints
{
    private const string ProgrammeQuery = "?from=YYYY-MM-DD&to=YYYY-MM-DD (any period; default the span of its campaigns)&lang=zh-CN|en";

    private const string Query = "?from=YYYY-MM-DD&to=YYYY-MM-DD (within the campaign; default its whole period)&lang=zh-CN|en&unitId= (a unit's own summary)"
        + "&figures=all|approved (where the campaign has reporting periods: all figures with the units not yet approved named, default; or the approved and excused units' only)";

    public static RouteGroupBuilder MapSummaryReportEndpoints(this RouteGroupBuilder api)
    {
        var reports = api.MapGroup("").WithTags("Reports");

        reports.MapGet("/campaigns/{id:int}/report.pdf", async (int id, string? from, string? to, string? lang, string? unitId, string? figures,
                ApiActor caller, SummaryReportService service, IStringLocalizer<SharedResource> localizer, ILoggerFactory loggers,
                HttpContext context, CancellationToken cancellationToken) =>
            {
                var timings = RenderTimings.Start();
                var report = await timings.MeasureAsync("db", () => service.BuildAsync(caller.Actor, ParseQuery(id, from, to, lang, unitId, figures, localizer), cancellationToken));
                try
                {
                    var file = await timings.MeasureAsync("total", () => service.RenderPdfAsync(report, cancellationToken));
                    context.Response.Headers.CacheControl = "private, no-store";
                    // Where the time went (database, HTML, waiting for a render slot, page, content, print), for
                    // benchmarks and browser developer tools; durations only.
                    context.Response.Headers["Server-Timing"] = timings.ToServerTiming();
                    return TypedResults.File(file.Content, file.ContentType, file.FileName);
                }
                catch (PdfRendererUnavailableException ex)
                {
                    return Unavailable(ex, localizer, loggers);
                }
            })
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("The summary report as an A4 PDF (admins and coordinators). " + Query + ". 503 names the install command when Chromium is missing.");

        reports.MapGet("/campaigns/{id:int}/report.docx", async (int id, string? from, string? to, string? lang, string? unitId, string? figures,
                ApiActor caller, SummaryReportService service, IStringLocalizer<SharedResource> localizer, HttpContext context,
                CancellationToken cancellationToken) =>
            {
                var report = await service.BuildAsync(caller.Actor, ParseQuery(id, from, to, lang, unitId, figures, localizer), cancellationToken);
                var file = service.RenderDocx(report);
                context.Response.Headers.CacheControl = "private, no-store";
                return TypedResults.File(file.Content, file.ContentType, file.FileName);
            })
            .Produces(StatusCodes.Status200OK, contentType: Word.SummaryReportDocx.ContentType)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The summary report as a Word document (.docx) with Word styles, Chinese fonts, A4 and page numbers (admins and coordinators). " + Query + ".");

        reports.MapGet("/programmes/{id:int}/report.pdf", async (int id, string? from, string? to, string? lang,
                ApiActor caller, SummaryReportService service, IStringLocalizer<SharedResource> localizer, ILoggerFactory loggers,
                HttpContext context, CancellationToken cancellationToken) =>
            {
                var report = await service.BuildProgrammeAsync(caller.Actor, ParseProgrammeQuery(id, from, to, lang, localizer), cancellationToken);
                try
                {
                    var file = await service.RenderPdfAsync(report, cancellationToken);
                    context.Response.Headers.CacheControl = "private, no-store";
                    return TypedResults.File(file.Content, file.ContentType, file.FileName);
                }
                catch (PdfRendererUnavailableException ex)
                {
                    return Unavailable(ex, localizer, loggers);
                }
            })
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("A programme's summary report as an A4 PDF, rolled up from its campaigns and its sub-programmes' (admins and coordinators). "
                         + ProgrammeQuery + ". 503 names the install command when Chromium is missing.");

        reports.MapGet("/programmes/{id:int}/report.docx", async (int id, string? from, string? to, string? lang,
                ApiActor caller, SummaryReportService service, IStringLocalizer<SharedResource> localizer, HttpContext context,
                CancellationToken cancellationToken) =>
            {
                var report = await service.BuildProgrammeAsync(caller.Actor, ParseProgrammeQuery(id, from, to, lang, localizer), cancellationToken);
                var file = service.RenderDocx(report);
                context.Response.Headers.CacheControl = "private, no-store";
                return TypedResults.File(file.Content, file.ContentType, file.FileName);
            })
            .Produces(StatusCodes.Status200OK, contentType: Word.SummaryReportDocx.ContentType)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A programme's summary report as a Word document (.docx), rolled up from its campaigns (admins and coordinators). " + ProgrammeQuery + ".");

        reports.MapGet("/campaigns/{id:int}/report/totals.xlsx", async (int id, string? from, string? to, string? lang, string? unitId, string? figures,
                ApiActor caller, SummaryReportService service, IStringLocalizer<SharedResource> localizer, HttpContext context,
                CancellationToken cancellationToken) =>
            {
                var file = await service.TotalsWorkbookAsync(caller.Actor, ParseQuery(id, from, to, lang, unitId, figures, localizer), cancellationToken);
                context.Response.Headers.CacheControl = "private, no-store";
                return TypedResults.File(file.Content, file.ContentType, file.FileName);
            })
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The report's totals tables as an XLSX workbook, one sheet per table (admins and coordinators). " + Query + ".");

        reports.MapGet("/campaigns/{id:int}/reports", (int id, ApiActor caller, SummaryReportArchive archive, CancellationToken cancellationToken) =>
                archive.ListAsync(caller.Actor, id, cancellationToken))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The campaign's finalised reports, newest first: period, language, who finalised when, locked or unlocked.");

        reports.MapPost("/campaigns/{id:int}/reports", async (int id, FinaliseReportInput input, ApiActor caller, SummaryReportArchive archive,
                IStringLocalizer<SharedResource> localizer, ILoggerFactory loggers, CancellationToken cancellationToken) =>
            {
                try
                {
                    var item = await archive.FinaliseAsync(caller.Actor, new SummaryReportQuery(id, input.From, input.To, input.UnitId, input.Lang), input.DraftId, cancellationToken);
                    return TypedResults.Created($"/api/reports/{item.Id}.pdf", item);
                }
                catch (PdfRendererUnavailableException ex)
                {
                    return Unavailable(ex, localizer, loggers);
                }
            })
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Finalises a report (admins only): stores its PDF, its Word file and a snapshot of its figures and locks its period. "
                         + "Body { from, to, lang, unitId } or { draftId } (the edited draft of this campaign). 409 when the same report is already finalised and locked, "
                         + "or when the campaign has reporting periods in the report's dates and a unit is neither approved nor excused in one of them (current.units lists them).");

        reports.MapGet("/reports/{id:int}.pdf", async (int id, ApiActor caller, SummaryReportArchive archive, HttpContext context, CancellationToken cancellationToken) =>
            {
                var file = await archive.GetPdfAsync(caller.Actor, id, cancellationToken);
                context.Response.Headers.CacheControl = "private, no-store";
                return TypedResults.File(file.Content, file.ContentType, file.FileName);
            })
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A finalised report's PDF exactly as it was stored (admins and coordinators).");

        reports.MapGet("/reports/{id:int}.docx", async (int id, ApiActor caller, SummaryReportArchive archive, HttpContext context, CancellationToken cancellationToken) =>
            {
                var file = await archive.GetDocxAsync(caller.Actor, id, cancellationToken);
                context.Response.Headers.CacheControl = "private, no-store";
                return TypedResults.File(file.Content, file.ContentType, file.FileName);
            })
            .Produces(StatusCodes.Status200OK, contentType: Word.SummaryReportDocx.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A finalised report's Word file exactly as it was stored (404 for reports finalised before Word files were kept).");

        reports.MapPost("/reports/{id:int}/unlock", async (int id, UnlockReportInput input, ApiActor caller, SummaryReportArchive archive, CancellationToken cancellationToken) =>
                TypedResults.Ok(await archive.UnlockAsync(caller.Actor, id, input.Reason, input.Version, cancellationToken)))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Unlocks a finalised report so its period's events and figures can be corrected (admins only); body { reason, version }. Audited.");

        return api;
    }

    /// <summary>Query values as text, so a malformed one is a 400 naming its field rather than a bare binding error.</summary>
    private static SummaryReportQuery ParseQuery(int id, string? from, string? to, string? lang, string? unitId, string? figures, IStringLocalizer localizer)
    {
        var errors = new ValidationErrors();
        var start = ParseDate(from, "from", errors, localizer);
        var end = ParseDate(to, "to", errors, localizer);
        int? unit = null;
        if (!string.IsNullOrWhiteSpace(unitId))
        {
            if (int.TryParse(unitId, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                unit = value;
            }
            else
            {
                errors.Add("unitId", localizer["Api_Error_InvalidValue"]);
            }
        }

        var approvedOnly = figures?.Trim().ToLowerInvariant() switch
        {
            null or "" or "all" => false,
            "approved" => true,
            _ => (bool?)null,
        };
        if (approvedOnly is null)
        {
            errors.Add("figures", localizer["Report_Error_Figures"]);
        }

        errors.ThrowIfAny();
        return new SummaryReportQuery(id, start, end, unit, string.IsNullOrWhiteSpace(lang) ? null : lang, approvedOnly ?? false);
    }

    private static ProgrammeReportQuery ParseProgrammeQuery(int id, string? from, string? to, string? lang, IStringLocalizer localizer)
    {
        var errors = new ValidationErrors();
        var start = ParseDate(from, "from", errors, localizer);
        var end = ParseDate(to, "to", errors, localizer);
        errors.ThrowIfAny();
        return new ProgrammeReportQuery(id, start, end, string.IsNullOrWhiteSpace(lang) ? null : lang);
    }

    private static DateOnly? ParseDate(string? text, string field, ValidationErrors errors, IStringLocalizer localizer)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(field, localizer["Api_Error_InvalidValue"]);
        return null;
    }

    /// <summary>503 with the install command when no browser can make the PDF; the app itself keeps running.</summary>
    internal static IResult Unavailable(PdfRendererUnavailableException exception, IStringLocalizer localizer, ILoggerFactory loggers)
    {
        loggers.CreateLogger(typeof(SummaryReportEndpoints)).LogError(exception, "A summary report PDF could not be made: no PDF renderer");
        return exception.ToProblem(localizer, new Dictionary<string, object?> { ["installCommand"] = ChromiumLocator.InstallCommand });
    }
}
