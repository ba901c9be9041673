using CampaignHub.Web.Features.Api;
using CampaignHub.Web.Features.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CampaignHub.Web.Features.Spreadsheets;

public static class SpreadsheetEndpoints
{
    public static RouteGroupBuilder MapSpreadsheetEndpoints(this RouteGroupBuilder api)
    {
        var sheets = api.MapGroup("/campaigns/{id:int}/events").WithTags("Spreadsheets");

        sheets.MapPost("/import", async (int id, IFormFile? file, ApiActor caller, SpreadsheetImportService service,
                IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
            {
                // The service checks the role and the campaign before the file: staff get 403 whatever they send.
                await using var stream = file?.OpenReadStream();
                var result = await service.ImportAsync(caller.Actor, id, stream, file?.FileName, cancellationToken);
                if (result.AlreadyImported is { } earlier)
                {
                    return TypedResults.Problem(earlier.Message, statusCode: StatusCodes.Status409Conflict, title: localizer["Api_Error_Conflict"],
                        extensions: new Dictionary<string, object?> { ["importedAt"] = earlier.ImportedAt, ["imported"] = earlier.Imported });
                }

                return result.Succeeded
                    ? Results.Ok(new { imported = result.Imported })
                    : TypedResults.ValidationProblem(
                        result.Errors.GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
                        title: localizer["Import_Error_Title"],
                        extensions: new Dictionary<string, object?> { ["rows"] = result.Errors.Select(e => new { e.Row, e.Column, e.Message }) });
            })
            .Accepts<IFormFile>("multipart/form-data")
            .WithMetadata(new RequestSizeLimitAttribute(SheetReader.MaxBytes + 1024 * 1024))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Imports events with their figures from an XLSX or CSV file (multipart field `file`, at most 20 MB): "
                         + "all rows or none. 400 lists every error by row and column, as `errors` (\"row 3: kind\") and `rows`; "
                         + "409 when the same file was imported into the campaign before (`importedAt`, `imported`).");

        sheets.MapGet("/export", async (int id, string? format, SpreadsheetExportService service,
                IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
            {
                var file = await service.ExportAsync(id, ParseFormat(format, localizer), cancellationToken);
                return TypedResults.File(file.Content, file.ContentType, file.FileName);
            })
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A campaign's events with units and figures, ?format=xlsx (default) or csv, in the import's columns.");

        sheets.MapGet("/import-template", async (int id, string? format, ApiActor caller, SpreadsheetExportService service,
                IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
            {
                var file = await service.TemplateAsync(caller.Actor, id, ParseFormat(format, localizer), cancellationToken);
                return TypedResults.File(file.Content, file.ContentType, file.FileName);
            })
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The import template, ?format=xlsx (default) or csv: every active metric code as a column and one example row.");

        return api;
    }

    private static SpreadsheetFormat ParseFormat(string? value, IStringLocalizer<SharedResource> localizer)
    {
        if (!SpreadsheetFormats.TryParse(value, out var format))
        {
            var errors = new ValidationErrors();
            errors.Add("format", string.Format(localizer["Spreadsheet_Error_Format"], value));
            errors.ThrowIfAny();
        }

        return format;
    }
}
