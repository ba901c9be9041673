using CampaignHub.Web.Features.Api;
using CampaignHub.Web.Features.Reports.Summary;
using Microsoft.Extensions.Localization;

namespace CampaignHub.Web.Features.Reports.Drafts;

public static class ReportDraftEndpoints
{
    public static RouteGroupBuilder MapReportDraftEndpoints(this RouteGroupBuilder api)
    {
        var drafts = api.MapGroup("").WithTags("Report drafts");

        drafts.MapGet("/campaigns/{id:int}/report-drafts", (int id, ApiActor caller, ReportDraftService service, CancellationToken cancellationToken) =>
                service.ListAsync(caller.Actor, id, cancellationToken))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The campaign's report drafts the caller may work on (admins: all; coordinators: their units'), last edited first.");

        drafts.MapPost("/campaigns/{id:int}/report-drafts", async (int id, ReportDraftInput input, ApiActor caller, ReportDraftService service,
                CancellationToken cancellationToken) =>
            {
                var created = await service.CreateAsync(caller.Actor, id, input, cancellationToken);
                return TypedResults.Created($"/api/report-drafts/{created.Id}", created);
            })
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Starts a draft written from the data: body { from, to, unitId, lang, title? }, as the report's query takes them. "
                         + "Admins for any report; a coordinator for their own unit's only.");

        drafts.MapGet("/report-drafts/{id:int}", (int id, ApiActor caller, ReportDraftService service, CancellationToken cancellationToken) =>
                service.GetAsync(caller.Actor, id, cancellationToken))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One draft: its blocks (opening, section, units, paragraph, totals, closing; text may hold fields such as "
                         + "{metric:reach_wechat} or {events:lecture:online}, evaluated at every render), dataChanged with the figures that "
                         + "changed since it was saved, unknown fields, text awaiting a translator, and the version.");

        drafts.MapPut("/report-drafts/{id:int}", async (int id, ReportDraftInput input, ApiActor caller, ReportDraftService service,
                CancellationToken cancellationToken) =>
                TypedResults.Ok(await service.UpdateAsync(caller.Actor, id, input, input.Version, cancellationToken)))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Saves a draft: body { title, blocks, version }. 409 with the draft as it is now when someone saved it first.");

        drafts.MapDelete("/report-drafts/{id:int}", async (int id, long? version, ApiActor caller, ReportDraftService service, CancellationToken cancellationToken) =>
            {
                await service.DeleteAsync(caller.Actor, id, version, cancellationToken);
                return TypedResults.NoContent();
            })
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Deletes a draft; with ?version= only if nobody saved it since.");

        drafts.MapGet("/report-drafts/{id:int}.pdf", async (int id, ApiActor caller, ReportDraftService service, SummaryReportService reports,
                IStringLocalizer<SharedResource> localizer, ILoggerFactory loggers, HttpContext context, CancellationToken cancellationToken) =>
            {
                var report = await service.BuildAsync(caller.Actor, id, cancellationToken);
                try
                {
                    var file = await reports.RenderPdfAsync(report, cancellationToken);
                    context.Response.Headers.CacheControl = "private, no-store";
                    return TypedResults.File(file.Content, file.ContentType, file.FileName);
                }
                catch (PdfRendererUnavailableException ex)
                {
                    return SummaryReportEndpoints.Unavailable(ex, localizer, loggers);
                }
            })
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("The draft as an A4 PDF, its numbers as the data is now.");

        drafts.MapGet("/report-drafts/{id:int}.docx", async (int id, ApiActor caller, ReportDraftService service, SummaryReportService reports,
                HttpContext context, CancellationToken cancellationToken) =>
            {
                var file = reports.RenderDocx(await service.BuildAsync(caller.Actor, id, cancellationToken));
                context.Response.Headers.CacheControl = "private, no-store";
                return TypedResults.File(file.Content, file.ContentType, file.FileName);
            })
            .Produces(StatusCodes.Status200OK, contentType: SummaryReportDocxContentType)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The draft as a Word document (.docx), its numbers as the data is now.");

        return api;
    }

    private const string SummaryReportDocxContentType = Summary.Word.SummaryReportDocx.ContentType;
}
