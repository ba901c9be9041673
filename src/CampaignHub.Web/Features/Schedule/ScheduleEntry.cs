using CampaignHub.Web.Domain;

namespace CampaignHub.Web.Features.Schedule;

/// <summary>One event as the calendars show it; times are the association's wall-clock time.</summary>
public sealed record ScheduleEntry(
    int Id,
    int CampaignId,
    string Title,
    EventKind Kind,
    EventChannel Channel,
    OnlinePlatform? Platform,
    EventStatus Status,
    DateTime Start,
    DateTime End,
    string? Place,
    IReadOnlyList<string> UnitNames,
    int PeopleOnDuty)
{
    public bool IsCancelled => Status == EventStatus.Cancelled;

    /// <summary>The days the event covers within [from, to); an event that ends at midnight does not cover the next day.</summary>
    public IEnumerable<DateOnly> DaysWithin(DateOnly from, DateOnly to)
    {
        var first = DateOnly.FromDateTime(Start);
        var last = End > Start ? DateOnly.FromDateTime(End.AddTicks(-1)) : first;
        for (var day = first < from ? from : first; day <= last && day < to; day = day.AddDays(1))
        {
            yield return day;
        }
    }
}

/// <summary>The entries of a period in start order; <see cref="Truncated"/> when there were more than the limit.</summary>
public sealed record ScheduleResult(IReadOnlyList<ScheduleEntry> Entries, bool Truncated)
{
    public static ScheduleResult Empty { get; } = new([], false);
}
