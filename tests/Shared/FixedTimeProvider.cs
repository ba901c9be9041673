namespace CampaignHub.Testing;

/// <summary>A clock stopped at one moment, for tests of what "today" is.</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
