using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Totals;

namespace CampaignHub.Web.Features.Dashboard;

/// <summary>A chart's categories and its named series (one value per category), independent of the chart library.</summary>
public sealed record ChartFigures(IReadOnlyList<string> Labels, IReadOnlyList<(string Name, double[] Values)> Series)
{
    public bool IsEmpty => Series.All(s => s.Values.All(v => v == 0));
}

/// <summary>The dashboard's charts from the statistics the report also uses; labels come localised from the caller.</summary>
public static class DashboardCharts
{
    /// <summary>A figure as the dashboard shows it: grouped thousands, at most two decimals.</summary>
    public static string Number(decimal value) => value.ToString("#,0.##", System.Globalization.CultureInfo.CurrentCulture);

    public static readonly string MediaReachGroup = Codes<MetricGroup>.Of(MetricGroup.MediaReach);

    /// <summary>Online and offline events per day of the period.</summary>
    public static ChartFigures EventsPerDay(CampaignStatistics statistics, string online, string offline) =>
        new(statistics.EventsPerDay.Select(d => d.Date.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture)).ToList(),
            [
                (online, statistics.EventsPerDay.Select(d => (double)d.Online).ToArray()),
                (offline, statistics.EventsPerDay.Select(d => (double)d.Offline).ToArray()),
            ]);

    /// <summary>Events by kind (kinds that occurred, in code order), online and offline stacked.</summary>
    public static ChartFigures EventsByKind(CampaignStatistics statistics, Func<string, string> kindName, string online, string offline)
    {
        var kinds = statistics.Totals.Events.Where(k => k.Value.Online + k.Value.Offline > 0).ToList();
        return new(kinds.Select(k => kindName(k.Key)).ToList(),
            [
                (online, kinds.Select(k => (double)k.Value.Online).ToArray()),
                (offline, kinds.Select(k => (double)k.Value.Offline).ToArray()),
            ]);
    }

    /// <summary>People reached per media channel (the catalogue's media-reach metrics that have figures).</summary>
    public static ChartFigures MediaReach(CampaignStatistics statistics, Func<MetricTotal, string> metricName, string series)
    {
        var reach = statistics.Metrics.Where(m => m.Group == MediaReachGroup).ToList();
        return new(reach.Select(metricName).ToList(), [(series, reach.Select(m => (double)m.Value).ToArray())]);
    }
}
