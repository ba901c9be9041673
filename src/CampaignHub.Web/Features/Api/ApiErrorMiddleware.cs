using System.Text.Json;
using CampaignHub.Web.Features.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace CampaignHub.Web.Features.Api;

/// <summary>
/// Turns the services' exceptions into problem details for API callers: 400 with field errors, 403, 404, and 409
/// carrying the record as it is now. A body that is not valid JSON, or a value of the wrong type, is a 400 naming
/// the field, never a 500. An address, method or content type no endpoint takes is a 404, 405 or 415 in the same form.
/// </summary>
public sealed class ApiErrorMiddleware(RequestDelegate next, IStringLocalizer<SharedResource> localizer)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (!context.Response.HasStarted && ToResult(ex) is { } result)
        {
            context.Response.Clear();
            await result.ExecuteAsync(context);
            return;
        }

        // Routing's own refusals (no endpoint at this address, a method or content type none accepts) have no body.
        if (!context.Response.HasStarted && context.Response.ContentType is null && Unmatched(context.Response.StatusCode) is { } unmatched)
        {
            await unmatched.ExecuteAsync(context);
        }
    }

    private IResult? Unmatched(int status) => status switch
    {
        StatusCodes.Status404NotFound => Problem(status, localizer["Api_Error_NotFound"], localizer["Api_Error_NoEndpoint"]),
        StatusCodes.Status405MethodNotAllowed => Problem(status, localizer["Api_Error_MethodNotAllowed"], localizer["Api_Error_MethodNotAllowed_Detail"]),
        StatusCodes.Status415UnsupportedMediaType => Problem(status, localizer["Api_Error_UnsupportedMediaType"], localizer["Api_Error_UnsupportedMediaType_Detail"]),
        _ => null,
    };

    private IResult? ToResult(Exception exception) => exception switch
    {
        DomainValidationException validation => TypedResults.ValidationProblem(
            validation.Errors, title: localizer["Api_Error_Validation"]),
        ForbiddenException forbidden => Problem(StatusCodes.Status403Forbidden, localizer["Api_Error_Forbidden"], forbidden.Message),
        NotFoundException notFound => Problem(StatusCodes.Status404NotFound, localizer["Api_Error_NotFound"], notFound.Message),
        ConcurrencyConflictException conflict => TypedResults.Problem(
            conflict.Message, statusCode: StatusCodes.Status409Conflict, title: localizer["Api_Error_Conflict"],
            extensions: new Dictionary<string, object?> { ["current"] = conflict.Current }),
        BadHttpRequestException { InnerException: JsonException json } => TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [FieldOf(json.Path)] = [localizer["Api_Error_InvalidValue"]] },
            title: localizer["Api_Error_Validation"]),
        BadHttpRequestException bad => Problem(bad.StatusCode, localizer["Api_Error_BadRequest"], bad.Message),
        _ => null,
    };

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: title);

    /// <summary>"$.figures.screened" → "figures.screened"; the body as a whole is "body".</summary>
    private static string FieldOf(string? path)
    {
        var field = path?.TrimStart('$').TrimStart('.');
        return string.IsNullOrEmpty(field) ? "body" : field;
    }
}
