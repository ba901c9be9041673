namespace CampaignHub.Web.Data.Seeding.Shanxi;

/// <summary>
/// SplitMix64 with a fixed seed: the demo's spread of days, topics and weights is the same on every machine and
/// every .NET version (System.Random promises neither). Totals never depend on it: the plan makes them exact.
/// </summary>
internal sealed class DemoRandom(ulong seed)
{
    private ulong state = seed;

    /// <summary>A number from <paramref name="min"/> to <paramref name="max"/>, both included.</summary>
    public int Next(int min, int max) => min + (int)(NextUInt64() % (ulong)(max - min + 1));

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(0, items.Count - 1)];

    private ulong NextUInt64()
    {
        state += 0x9E3779B97F4A7C15;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }
}
