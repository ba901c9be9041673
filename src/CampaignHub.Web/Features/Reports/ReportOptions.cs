namespace CampaignHub.Web.Features.Reports;

public sealed class ReportOptions
{
    public const string Section = "Reports";

    /// <summary>Reports:ChromiumPath. Empty means: look in the usual Debian locations.</summary>
    public string? ChromiumPath { get; set; }
}
