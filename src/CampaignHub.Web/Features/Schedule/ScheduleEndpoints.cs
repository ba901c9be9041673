using CampaignHub.Web.Features.Common;
using CampaignHub.Web.Features.Reports;
using Microsoft.Extensions.Localization;

namespace CampaignHub.Web.Features.Schedule;

public static class ScheduleEndpoints
{
    public const string PrintPath = "/schedule/print.pdf";

    /// <summary>
    /// <c>GET /schedule/print.pdf?week=YYYY-MM-DD&amp;campaignId=|unitId=</c>: the week's schedule as a PDF, for
    /// the browser's cookie (any signed-in user, by the fallback policy). Outside /api, so it answers its own
    /// problems: 400 for a bad week or an unknown id, 503 with the install command when Chromium is missing.
    /// </summary>
    public static IEndpointRouteBuilder MapScheduleEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(PrintPath, async (string? week, string? campaignId, string? unitId, SchedulePrintService printer,
                IStringLocalizer<SharedResource> localizer, ILoggerFactory loggers, HttpContext context, CancellationToken cancellationToken) =>
            {
                try
                {
                    var errors = new ValidationErrors();
                    if (!ScheduleCalendar.TryParseIso(week, out var day))
                    {
                        errors.Add("week", localizer["Schedule_Print_Error_Week"]);
                    }
                    else if (!ScheduleCalendar.IsSupported(day))
                    {
                        errors.Add("week", string.Format(localizer["Schedule_Error_DateRange"],
                            ScheduleCalendar.Iso(ScheduleCalendar.FirstDay), ScheduleCalendar.Iso(ScheduleCalendar.LastDay)));
                    }

                    var campaign = ParseId(campaignId, "campaignId", errors, localizer);
                    var unit = ParseId(unitId, "unitId", errors, localizer);
                    errors.ThrowIfAny();

                    var file = await printer.PrintWeekAsync(day, campaign, unit, cancellationToken);
                    context.Response.Headers.CacheControl = "private, no-store";
                    return Results.File(file.Content, "application/pdf", file.FileName);
                }
                catch (DomainValidationException ex)
                {
                    return Results.ValidationProblem(ex.Errors, title: localizer["Api_Error_Validation"]);
                }
                catch (PdfRendererUnavailableException ex)
                {
                    loggers.CreateLogger(typeof(ScheduleEndpoints)).LogError(ex, "Printing a schedule failed: no PDF renderer");
                    return ex.ToProblem(localizer);
                }
            })
            .ExcludeFromDescription();
        return endpoints;
    }

    private static int? ParseId(string? text, string field, ValidationErrors errors, IStringLocalizer localizer)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
        {
            return id;
        }

        errors.Add(field, localizer["Api_Error_InvalidValue"]);
        return null;
    }
}
