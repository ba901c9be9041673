using System.Diagnostics;
using System.Globalization;

namespace CampaignHub.Benchmarks;

/// <summary>Timings of one measure: one warm-up call, then <c>runs</c> timed calls.</summary>
internal sealed record Measurement(string Name, IReadOnlyList<double> Milliseconds)
{
    public double Median
    {
        get
        {
            var sorted = Milliseconds.Order().ToList();
            var middle = sorted.Count / 2;
            return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }

    public static async Task<Measurement> RunAsync(string name, int runs, Func<Task> action)
    {
        await action();
        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            await action();
            times.Add(stopwatch.Elapsed.TotalMilliseconds);
        }

        return new Measurement(name, times);
    }

    public string ToMarkdownRow() => string.Create(CultureInfo.InvariantCulture,
        $"| {Name} | {Median:0.0} | {Milliseconds.Min():0.0} | {Milliseconds.Max():0.0} | {string.Join(' ', Milliseconds.Select(m => m.ToString("0.0", CultureInfo.InvariantCulture)))} |");
}
