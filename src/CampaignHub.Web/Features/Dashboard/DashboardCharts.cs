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

    /// <summary>
    /// Online and offline events over the period, in the statistics' bars (<see cref="EventTimeline"/>): per day up to a
    /// month, per week up to half a year (labelled by the Monday), per month beyond, as the report draws them.
    /// </summary>
    public static ChartFigures EventsPerDay(CampaignStatistics statistics, string online, string offline)
    {
        var timeline = statistics.Timeline;
        var format = timeline.Granularity == TimelineGranularity.Month ? "yyyy-MM" : "MM-dd";
        return new(timeline.Buckets.Select(b => b.From.ToString(format, System.Globalization.CultureInfo.InvariantCulture)).ToList(),
            [
                (online, timeline.Buckets.Select(b => (double)b.Online).ToArray()),
                (offline, timeline.Buckets.Select(b => (double)b.Offline).ToArray()),
            ]);
    }

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
