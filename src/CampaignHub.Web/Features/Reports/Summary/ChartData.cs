namespace CampaignHub.Web.Features.Reports.Summary;

/// <summary>One bar (or column) of a chart: its label and one value per series, stacked.</summary>
public sealed record ChartBar(string Label, IReadOnlyList<decimal> Values)
{
    public decimal Total => Values.Sum();
}

/// <summary>A series of a stacked chart: its name in the legend and its fill colour.</summary>
public sealed record ChartSeries(string Name, string Color);

/// <summary>The value axis both chart writers (SVG for HTML, PNG for Word) draw, so a chart reads the same in both.</summary>
public static class ChartScale
{
    /// <summary>A round maximum for the value axis: 1, 2 or 5 times a power of ten, at least the largest value.</summary>
    public static double NiceMax(decimal max)
    {
        if (max <= 0)
        {
            return 1;
        }

        var value = (double)max;
        var power = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var step in new[] { 1d, 2, 5, 10 })
        {
            if (step * power >= value)
            {
                return step * power;
            }
        }

        return 10 * power;
    }
}
