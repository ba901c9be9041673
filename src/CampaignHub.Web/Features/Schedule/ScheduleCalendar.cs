using System.Globalization;

namespace CampaignHub.Web.Features.Schedule;

/// <summary>Calendar arithmetic of the schedule views: weeks start on Monday, as calendars in China do.</summary>
public static class ScheduleCalendar
{
    /// <summary>
    /// The days the schedule shows and prints: campaigns of this century. A hand-typed 9999-12-31 or 0001-01-01 would
    /// otherwise run the week and month arithmetic off the calendar's ends.
    /// </summary>
    public static readonly DateOnly FirstDay = new(2000, 1, 1);

    public static readonly DateOnly LastDay = new(2099, 12, 31);

    public static bool IsSupported(DateOnly day) => day >= FirstDay && day <= LastDay;

    public static DateOnly Clamp(DateOnly day) => day < FirstDay ? FirstDay : day > LastDay ? LastDay : day;

    public static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    public static DateOnly MonthStart(DateOnly day) => new(day.Year, day.Month, 1);

    /// <summary>The Monday-to-Sunday weeks that cover the month: the month calendar's grid.</summary>
    public static (DateOnly From, DateOnly To) MonthGrid(DateOnly day)
    {
        var first = MonthStart(day);
        var from = WeekStart(first);
        var to = WeekStart(first.AddMonths(1).AddDays(-1)).AddDays(7);
        return (from, to);
    }

    /// <summary>"Asia/Shanghai (UTC+8)", "Asia/Kolkata (UTC+5:30)": the zone and its offset at <paramref name="at"/>.</summary>
    public static string TimeZoneLabel(TimeZoneInfo zone, DateTime at)
    {
        var offset = zone.GetUtcOffset(at);
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var abs = offset.Duration();
        var text = abs.Minutes == 0
            ? abs.Hours.ToString(CultureInfo.InvariantCulture)
            : $"{abs.Hours.ToString(CultureInfo.InvariantCulture)}:{abs.Minutes.ToString("00", CultureInfo.InvariantCulture)}";
        return $"{zone.Id} (UTC{sign}{text})";
    }

    /// <summary>"09:00–11:00" on the event's day, or both dates when it spans days.</summary>
    public static string Times(ScheduleEntry entry) => Times(entry.Start, entry.End);

    public static string Times(DateTime start, DateTime end) =>
        start.Date == end.Date || (end == end.Date && end.AddDays(-1).Date == start.Date && end > start)
            ? $"{Format(start, "HH:mm")}–{Format(end, "HH:mm")}"
            : $"{Format(start, "MM-dd HH:mm")} – {Format(end, "MM-dd HH:mm")}";

    /// <summary>Every day of [from, to) with the entries it covers, in start order; an event over several days is on each.</summary>
    public static IReadOnlyList<(DateOnly Day, IReadOnlyList<ScheduleEntry> Entries)> ByDay(IEnumerable<ScheduleEntry> entries, DateOnly from, DateOnly to)
    {
        var days = new SortedDictionary<DateOnly, List<ScheduleEntry>>();
        for (var day = from; day < to; day = day.AddDays(1))
        {
            days[day] = [];
        }

        foreach (var entry in entries.OrderBy(e => e.Start).ThenBy(e => e.Id))
        {
            foreach (var day in entry.DaysWithin(from, to))
            {
                days[day].Add(entry);
            }
        }

        return days.Select(d => (d.Key, (IReadOnlyList<ScheduleEntry>)d.Value)).ToList();
    }

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static bool TryParseIso(string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    private static string Format(DateTime value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
