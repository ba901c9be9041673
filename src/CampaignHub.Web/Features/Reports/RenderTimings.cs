using System.Diagnostics;
using System.Globalization;

namespace CampaignHub.Web.Features.Reports;

/// <summary>
/// Where one document's time went (database, HTML, waiting for a render slot, Chromium page set-up, loading the
/// content, printing), for the <c>Server-Timing</c> response header of a download and the renderer's Debug log.
/// An endpoint starts it; the code it calls adds phases without being handed it, as the renderer is a singleton
/// shared by every request.
/// </summary>
public sealed class RenderTimings
{
    private static readonly AsyncLocal<RenderTimings?> Ambient = new();

    private readonly List<(string Name, double Milliseconds)> phases = [];

    /// <summary>The timings of the request in progress, or null outside one that measures.</summary>
    public static RenderTimings? Current => Ambient.Value;

    /// <summary>Starts measuring for the calling request and everything it awaits.</summary>
    public static RenderTimings Start() => Ambient.Value = new RenderTimings();

    public IReadOnlyList<(string Name, double Milliseconds)> Phases
    {
        get
        {
            lock (phases)
            {
                return phases.ToList();
            }
        }
    }

    public void Add(string name, TimeSpan elapsed)
    {
        lock (phases)
        {
            phases.Add((name, elapsed.TotalMilliseconds));
        }
    }

    /// <summary>Runs <paramref name="action"/> and adds its time as <paramref name="name"/>.</summary>
    public async Task<T> MeasureAsync<T>(string name, Func<Task<T>> action)
    {
        var stopwatch = Stopwatch.StartNew();
        try
        {
            return await action();
        }
        finally
        {
            Add(name, stopwatch.Elapsed);
        }
    }

    /// <summary><c>db;dur=12.3, html;dur=1.0, ...</c> (W3C Server Timing).</summary>
    public string ToServerTiming() =>
        string.Join(", ", Phases.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Name};dur={p.Milliseconds:0.0}")));
}
