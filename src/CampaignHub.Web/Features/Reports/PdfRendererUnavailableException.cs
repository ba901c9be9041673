namespace CampaignHub.Web.Features.Reports;

/// <summary>PDFs cannot be made on this machine; the message names the command that fixes it.</summary>
public sealed class PdfRendererUnavailableException(string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    public static PdfRendererUnavailableException ChromiumMissing() =>
        new($"Chromium was not found (Reports:ChromiumPath), so PDFs cannot be made. Install it with: {ChromiumLocator.InstallCommand}");
}
