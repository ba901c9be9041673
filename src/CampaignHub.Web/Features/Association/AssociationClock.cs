namespace CampaignHub.Web.Features.Association;

/// <summary>
/// The association's time zone (Association:TimeZone, Asia/Shanghai by default). Event times are stored as the
/// association's wall-clock time: every campaign happens in one place, and that is how people write them down.
/// </summary>
public sealed class AssociationClock(IConfiguration configuration, TimeProvider time)
{
    public const string TimeZoneKey = "Association:TimeZone";

    public TimeZoneInfo TimeZone { get; } = TimeZoneInfo.FindSystemTimeZoneById(
        string.IsNullOrWhiteSpace(configuration[TimeZoneKey]) ? "Asia/Shanghai" : configuration[TimeZoneKey]!);

    public DateTime Now => TimeZoneInfo.ConvertTime(time.GetUtcNow(), TimeZone).DateTime;

    public DateOnly Today => DateOnly.FromDateTime(Now);

    /// <summary>A time sent with a UTC marker or an offset is turned into the association's wall-clock time.</summary>
    public DateTime ToLocal(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => TimeZoneInfo.ConvertTimeFromUtc(value, TimeZone),
        DateTimeKind.Local => TimeZoneInfo.ConvertTime(value, TimeZone),
        _ => value,
    };

    public DateTime ToUtc(DateTime local) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), TimeZone);
}
