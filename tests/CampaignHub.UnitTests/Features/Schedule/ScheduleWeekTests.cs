using CampaignHub.Web.Domain;
using System.Globalization;
using Bunit;
using CampaignHub.Web.Features.Schedule;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace CampaignHub.UnitTests.Features.Schedule;

public sealed class ScheduleWeekTests
{
    private static readonly DateOnly Monday = new(2021, 4, 12);

    private static ScheduleEntry Entry(int id, string title, DateTime start, DateTime end, EventStatus status = EventStatus.Planned) =>
        new(id, 1, title, EventKind.FreeClinic, EventChannel.Offline, null, status, start, end, "门诊大厅", ["乳腺癌专委会"], 0);

    private static BunitContext NewContext()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        var context = new BunitContext();
        context.Services.AddLocalization(options => options.ResourcesPath = "Resources");
        context.Services.AddMudServices();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        return context;
    }

    [Fact]
    public async Task The_week_puts_each_event_under_each_day_it_covers_in_time_order()
    {
        await using var context = NewContext();
        ScheduleEntry[] entries =
        [
            Entry(1, "上周日开始的培训", new(2021, 4, 11, 9, 0, 0), new(2021, 4, 12, 12, 0, 0)),
            Entry(2, "周二讲座", new(2021, 4, 13, 19, 0, 0), new(2021, 4, 13, 20, 0, 0)),
            Entry(4, "周四下午筛查", new(2021, 4, 15, 14, 0, 0), new(2021, 4, 15, 16, 0, 0), status: EventStatus.Cancelled),
            Entry(3, "周四上午义诊", new(2021, 4, 15, 9, 0, 0), new(2021, 4, 15, 11, 0, 0)),
            Entry(5, "通宵热线", new(2021, 4, 16, 20, 0, 0), new(2021, 4, 17, 10, 0, 0)),
            Entry(6, "周六到午夜", new(2021, 4, 17, 22, 0, 0), new(2021, 4, 18, 0, 0, 0)),
        ];

        var week = context.Render<ScheduleWeek>(p => p
            .Add(c => c.WeekStart, Monday)
            .Add(c => c.Entries, entries)
            .Add(c => c.Today, new DateOnly(2021, 4, 15))
            .Add(c => c.DayHref, day => $"/schedule?view=day&date={day:yyyy-MM-dd}"));

        var days = week.FindAll("[data-testid=schedule-day]");
        days.Select(d => d.GetAttribute("data-date")).ShouldBe(
            ["2021-04-12", "2021-04-13", "2021-04-14", "2021-04-15", "2021-04-16", "2021-04-17", "2021-04-18"]);
        string[] Titles(int day) => days[day].QuerySelectorAll("[data-testid=schedule-entry-link]").Select(a => a.TextContent).ToArray();
        Titles(0).ShouldBe(["上周日开始的培训"]);
        Titles(1).ShouldBe(["周二讲座"]);
        Titles(2).ShouldBeEmpty();
        Titles(3).ShouldBe(["周四上午义诊", "周四下午筛查"]);
        Titles(4).ShouldBe(["通宵热线"]);
        Titles(5).ShouldBe(["通宵热线", "周六到午夜"]);
        // Ending at midnight is not being on the next day.
        Titles(6).ShouldBeEmpty();
        days[6].TextContent.ShouldContain("无活动");

        days[0].TextContent.ShouldContain("星期一");
        days[3].ClassList.ShouldContain("today");
        days[3].QuerySelector("[data-testid=schedule-day-link]")!.GetAttribute("href").ShouldBe("/schedule?view=day&date=2021-04-15");
        var cancelled = days[3].QuerySelector("[data-event-id='4']")!;
        cancelled.GetAttribute("data-status").ShouldBe("cancelled");
        cancelled.QuerySelector("[data-testid=schedule-entry-cancelled]")!.TextContent.ShouldBe("已取消");
        days[3].QuerySelector("[data-event-id='3'] a")!.GetAttribute("href").ShouldBe("/events/3");
        days[3].QuerySelector("[data-event-id='3']")!.TextContent.ShouldContain("09:00–11:00");
    }

    [Theory]
    [InlineData("2021-04-12", "2021-04-12")]
    [InlineData("2021-04-15", "2021-04-12")]
    [InlineData("2021-04-18", "2021-04-12")]
    [InlineData("2021-04-19", "2021-04-19")]
    public void Weeks_start_on_monday(string day, string monday) =>
        ScheduleCalendar.WeekStart(DateOnly.Parse(day, CultureInfo.InvariantCulture)).ShouldBe(DateOnly.Parse(monday, CultureInfo.InvariantCulture));

    [Fact]
    public void The_month_grid_covers_whole_weeks_around_the_month()
    {
        // April 2021 begins on a Thursday and ends on a Friday.
        ScheduleCalendar.MonthGrid(new DateOnly(2021, 4, 15)).ShouldBe((new DateOnly(2021, 3, 29), new DateOnly(2021, 5, 3)));
        // February 2021 is exactly four weeks from Monday the 1st.
        ScheduleCalendar.MonthGrid(new DateOnly(2021, 2, 10)).ShouldBe((new DateOnly(2021, 2, 1), new DateOnly(2021, 3, 1)));
    }

    [Fact]
    public void The_time_zone_is_named_with_its_offset()
    {
        var at = new DateTime(2021, 4, 15, 9, 0, 0);
        ScheduleCalendar.TimeZoneLabel(TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"), at).ShouldBe("Asia/Shanghai (UTC+8)");
        ScheduleCalendar.TimeZoneLabel(TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata"), at).ShouldBe("Asia/Kolkata (UTC+5:30)");
        ScheduleCalendar.TimeZoneLabel(TimeZoneInfo.FindSystemTimeZoneById("America/New_York"), at).ShouldBe("America/New_York (UTC-4)");
    }
}
