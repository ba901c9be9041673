namespace CampaignHub.Web.Features.Reports.Summary;

/// <summary>One bar (or column) of a chart: its label and one value per series, stacked.</summary>
public sealed record ChartBar(string Label, IReadOnlyList<decimal> Values)
{
    public decimal Total => Values.Sum();
}

/// <summary>A series of a stacked chart: its name in the legend and its fill colour.</summary>
public sealed record ChartSeries(string Name, string Color);
