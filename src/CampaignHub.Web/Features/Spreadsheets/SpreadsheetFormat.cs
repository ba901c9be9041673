namespace CampaignHub.Web.Features.Spreadsheets;

public enum SpreadsheetFormat
{
    Xlsx,
    Csv,
}

public static class SpreadsheetFormats
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvContentType = "text/csv; charset=utf-8";

    /// <summary>"xlsx" or "csv" (any case); xlsx when nothing is given.</summary>
    public static bool TryParse(string? value, out SpreadsheetFormat format)
    {
        switch (value?.Trim().TrimStart('.').ToLowerInvariant())
        {
            case null or "" or "xlsx":
                format = SpreadsheetFormat.Xlsx;
                return true;
            case "csv":
                format = SpreadsheetFormat.Csv;
                return true;
            default:
                format = default;
                return false;
        }
    }

    public static string ContentType(this SpreadsheetFormat format) =>
        format == SpreadsheetFormat.Xlsx ? XlsxContentType : CsvContentType;

    public static string Extension(this SpreadsheetFormat format) => format == SpreadsheetFormat.Xlsx ? "xlsx" : "csv";
}
