namespace CampaignHub.Web.Features.Reports.Summary;

/// <summary>A file the report produces: a PDF or an XLSX workbook, with the name the download gets.</summary>
public sealed record ReportFile(string FileName, string ContentType, byte[] Content);
