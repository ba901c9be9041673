namespace CampaignHub.Testing;

/// <summary>A clock a test moves forward by hand: past a back-off, past a claim's lapse.</summary>
public sealed class MovableTimeProvider(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
