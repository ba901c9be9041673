using CampaignHub.Web.Domain;

namespace CampaignHub.Web.Features.Events;

/// <summary>What a new event starts with, in the association's clock: coordinators log on the day, in the running campaign.</summary>
public static class NewEventDefaults
{
    /// <summary>Today when it falls within the campaign (or there is none), else the campaign's first day.</summary>
    public static DateTime Date(CampaignOption? campaign, DateOnly today) =>
        (campaign?.DayToLog(today) ?? today).ToDateTime(TimeOnly.MinValue);

    /// <summary>An event still to come is planned; one of today or earlier is being logged because it was held.</summary>
    public static EventStatus Status(DateTime? date, DateOnly today) =>
        date is { } day && DateOnly.FromDateTime(day) > today ? EventStatus.Planned : EventStatus.Held;
}
