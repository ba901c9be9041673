using System.Globalization;
using System.Text;
using CampaignHub.Web.Domain;

namespace CampaignHub.Web.Features.Schedule;

/// <summary>The four ways to look at the schedule.</summary>
public enum ScheduleView
{
    Day,
    Week,
    Month,
    Agenda,
}

/// <summary>What the schedule is narrowed to; every filter is optional.</summary>
public sealed record ScheduleFilter(
    int? CampaignId = null,
    int? UnitId = null,
    EventKind? Kind = null,
    EventChannel? Channel = null,
    int? VenueId = null,
    int? OrganisationId = null)
{
    public int Count => new object?[] { CampaignId, UnitId, Kind, Channel, VenueId, OrganisationId }.Count(f => f is not null);

    /// <summary>A week's PDF is for one campaign's or one unit's noticeboard.</summary>
    public bool CanPrint => CampaignId is not null || UnitId is not null;

    public ScheduleQuery Query(DateOnly from, DateOnly to) => new()
    {
        From = from, To = to, CampaignId = CampaignId, UnitId = UnitId,
        Kind = Kind is { } kind ? Codes<EventKind>.Of(kind) : null,
        Channel = Channel is { } channel ? Codes<EventChannel>.Of(channel) : null,
        VenueId = VenueId, OrganisationId = OrganisationId,
    };
}

/// <summary>
/// One place in the schedule: a view, a day and the filters, as the page's address (<c>/schedule?view=week&amp;date=…</c>),
/// so a shared link shows the same. A hand-edited link with a bad value shows the default instead of an error page.
/// </summary>
public sealed record ScheduleAddress(ScheduleView View, DateOnly Date, ScheduleFilter Filter)
{
    /// <summary>The days shown, [From, To).</summary>
    public (DateOnly From, DateOnly To) Period => View switch
    {
        ScheduleView.Day => (Date, Date.AddDays(1)),
        ScheduleView.Month => ScheduleCalendar.MonthGrid(Date),
        ScheduleView.Agenda => (ScheduleCalendar.MonthStart(Date), ScheduleCalendar.MonthStart(Date).AddMonths(1)),
        _ => (ScheduleCalendar.WeekStart(Date), ScheduleCalendar.WeekStart(Date).AddDays(7)),
    };

    public string Label => LabelOf(View, Date);

    /// <summary>The address asked for a day outside the schedule's years: it shows the nearest supported day instead.</summary>
    public bool DateOutOfRange { get; init; }

    public static ScheduleAddress Parse(
        string? view, string? date, DateOnly today, string? campaignId, string? unitId, string? kind, string? channel,
        string? venueId, string? organisationId)
    {
        var day = ScheduleCalendar.TryParseIso(date, out var parsed) ? parsed : today;
        return new(
            Enum.TryParse<ScheduleView>(view, ignoreCase: true, out var parsedView) && Enum.IsDefined(parsedView) && !int.TryParse(view, out _)
                ? parsedView
                : ScheduleView.Week,
            ScheduleCalendar.Clamp(day),
            new ScheduleFilter(
                Id(campaignId), Id(unitId),
                Codes<EventKind>.TryParse(kind, out var k) ? k : null,
                Codes<EventChannel>.TryParse(channel, out var c) ? c : null,
                Id(venueId), Id(organisationId)))
        {
            DateOutOfRange = !ScheduleCalendar.IsSupported(day),
        };
    }

    public static string LabelOf(ScheduleView view, DateOnly day) => view switch
    {
        ScheduleView.Day => $"{ScheduleCalendar.Iso(day)} {day.ToString("dddd", CultureInfo.CurrentCulture)}",
        ScheduleView.Week => $"{ScheduleCalendar.Iso(ScheduleCalendar.WeekStart(day))} – {ScheduleCalendar.Iso(ScheduleCalendar.WeekStart(day).AddDays(6))}",
        _ => day.ToString("Y", CultureInfo.CurrentCulture),
    };

    /// <summary>The period before (-1) or after (1) this one.</summary>
    public string Step(int step) => Href(View, View switch
    {
        ScheduleView.Day => Date.AddDays(step),
        ScheduleView.Week => Date.AddDays(7 * step),
        _ => ScheduleCalendar.MonthStart(Date).AddMonths(step),
    });

    public string Day(DateOnly day) => Href(ScheduleView.Day, day);

    public string With(ScheduleFilter filter) => (this with { Filter = filter }).Href(View, Date);

    public string WithoutFilters() => (this with { Filter = new ScheduleFilter() }).Href(View, Date);

    /// <summary>The address of a view and day with these filters.</summary>
    public string Href(ScheduleView view, DateOnly day)
    {
        var query = new StringBuilder("/schedule?view=").Append(Code(view)).Append("&date=").Append(ScheduleCalendar.Iso(day));
        void Add(string name, object? value)
        {
            if (value is not null)
            {
                query.Append('&').Append(name).Append('=')
                    .Append(Uri.EscapeDataString(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""));
            }
        }

        Add("campaignId", Filter.CampaignId);
        Add("unitId", Filter.UnitId);
        Add("kind", Filter.Kind is { } kind ? Codes<EventKind>.Of(kind) : null);
        Add("channel", Filter.Channel is { } channel ? Codes<EventChannel>.Of(channel) : null);
        Add("venueId", Filter.VenueId);
        Add("organisationId", Filter.OrganisationId);
        return query.ToString();
    }

    /// <summary>day, week, month, agenda: the view's name in addresses and test ids.</summary>
    public static string Code(ScheduleView view) => view.ToString().ToLowerInvariant();

    private static int? Id(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
