namespace CampaignHub.Web.Features.Reports;

/// <summary>A4 pages with margins; the footer shows <see cref="Title"/> and "page / pages".</summary>
public sealed record PdfPageOptions
{
    /// <summary>Shown at the foot of every page, e.g. the schedule's name and week.</summary>
    public string Title { get; init; } = "";

    public bool Landscape { get; init; }

    public string MarginTop { get; init; } = "12mm";

    public string MarginRight { get; init; } = "12mm";

    /// <summary>Leaves room for the footer.</summary>
    public string MarginBottom { get; init; } = "16mm";

    public string MarginLeft { get; init; } = "12mm";
}
