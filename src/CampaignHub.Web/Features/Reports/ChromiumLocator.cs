using Microsoft.Extensions.Options;

namespace CampaignHub.Web.Features.Reports;

/// <summary>
/// Finds the headless Chromium that renders PDFs. A missing browser never stops the app: only PDF output is
/// unavailable, and the pages that need it say how to install it.
/// </summary>
public sealed class ChromiumLocator(IOptions<ReportOptions> options)
{
    public const string InstallCommand = "sudo apt-get install -y chromium fonts-noto-cjk";

    private static readonly string[] WellKnownPaths =
        ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

    /// <summary>The browser's path, or null when none is installed.</summary>
    public string? Find()
    {
        var configured = options.Value.ChromiumPath;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured) ? configured : null;
        }

        return WellKnownPaths.FirstOrDefault(File.Exists);
    }
}
