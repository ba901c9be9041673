namespace CampaignHub.Web.Features.Reports;

/// <summary>
/// Turns a self-contained HTML document into a PDF. One interface, so another engine (QuestPDF, say) could replace
/// headless Chromium in one class.
/// </summary>
public interface IPdfRenderer
{
    /// <summary>
    /// Renders <paramref name="html"/> offline: scripts do not run and nothing is fetched except <c>data:</c> URLs,
    /// so the document must carry its own styles and images.
    /// </summary>
    /// <exception cref="PdfRendererUnavailableException">No browser is installed (the message says how to install one).</exception>
    Task<byte[]> RenderAsync(string html, PdfPageOptions options, CancellationToken cancellationToken = default);
}
