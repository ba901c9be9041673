using System.Globalization;
using Microsoft.Extensions.Localization;

namespace CampaignHub.Web.Features.Reports;

/// <summary>
/// PDFs cannot be made right now: Chromium is not installed (the message names the command that fixes it), or the
/// browser died again while a render was being retried (<see cref="BrowserCrashed"/>: try again shortly, the next
/// render starts a fresh browser).
/// </summary>
public sealed class PdfRendererUnavailableException(string message, Exception? innerException = null, bool browserCrashed = false)
    : Exception(message, innerException)
{
    /// <summary>How long a caller should wait after a crash: long enough for a fresh browser to start.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(10);

    /// <summary>The browser kept dying during one render (out of memory, killed); not a missing installation.</summary>
    public bool BrowserCrashed { get; } = browserCrashed;

    public static PdfRendererUnavailableException ChromiumMissing() =>
        new($"Chromium was not found (Reports:ChromiumPath), so PDFs cannot be made. Install it with: {ChromiumLocator.InstallCommand}");

    public static PdfRendererUnavailableException BrowserKeptCrashing(Exception cause) =>
        new($"The PDF browser stopped twice during one render: {cause.Message}", cause, browserCrashed: true);

    /// <summary>What the user reads, in their language.</summary>
    public string UserMessage(IStringLocalizer localizer) => BrowserCrashed
        ? string.Format(CultureInfo.CurrentCulture, localizer["Print_BrowserCrashed"], (int)RetryAfter.TotalSeconds)
        : string.Format(CultureInfo.CurrentCulture, localizer["Print_Unavailable"], ChromiumLocator.InstallCommand);

    /// <summary>The 503 for HTTP callers: problem details, and Retry-After when trying again shortly can work.</summary>
    public IResult ToProblem(IStringLocalizer localizer, IDictionary<string, object?>? extensions = null) =>
        new Unavailable(this, TypedResults.Problem(
            detail: UserMessage(localizer),
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: BrowserCrashed ? localizer["Print_BrowserCrashed_Title"] : localizer["Print_Unavailable_Title"],
            extensions: BrowserCrashed ? null : extensions));

    private sealed class Unavailable(PdfRendererUnavailableException exception, IResult problem) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            if (exception.BrowserCrashed)
            {
                httpContext.Response.Headers.RetryAfter = ((int)RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            }

            return problem.ExecuteAsync(httpContext);
        }
    }
}
