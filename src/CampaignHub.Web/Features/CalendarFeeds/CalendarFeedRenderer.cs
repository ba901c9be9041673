using System.Globalization;
using System.Text;
using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Association;
using CampaignHub.Web.Features.Common;
using CampaignHub.Web.Features.Events;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using FeedStatus = Ical.Net.EventStatus;
using IcsCalendar = Ical.Net.Calendar;

namespace CampaignHub.Web.Features.CalendarFeeds;

/// <summary>
/// Writes a feed as iCalendar (RFC 5545). Unit and campaign feeds hold the events that ended at most a year
/// ago and all later ones; a <c>my_duties</c> feed holds the owner's shifts that ended at most 90 days ago and all
/// later ones. Cancelled events stay in, with STATUS:CANCELLED, so subscribed calendars drop them. Four queries
/// whatever the number of events: the events, then their units, speakers and duties.
/// </summary>
public sealed class CalendarFeedRenderer(
    IDbContextFactory<CampaignHubDbContext> dbFactory,
    AssociationClock clock,
    TimeProvider time,
    IStringLocalizer<SharedResource> localizer)
{
    public const string ProductId = "-//CampaignHub//Calendar feeds//EN";

    /// <summary>How far back unit and campaign feeds reach: a year of past events.</summary>
    public const int PastYears = 1;

    /// <summary>How far back a <c>my_duties</c> feed reaches.</summary>
    public const int PastDutyDays = 90;

    /// <param name="baseUrl">Scheme, host and path base of the app, for each event's URL; null leaves URLs out.</param>
    public async Task<string> RenderAsync(OpenCalendarFeed feed, string? baseUrl, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        var eventsSince = clock.Now.AddYears(-PastYears);
        var dutiesSince = clock.Now.AddDays(-PastDutyDays);
        // "Id IN (subquery)" rather than EXISTS: the database starts from the unit's (or the person's) index
        // instead of testing every event; at 100,000 events that is a few milliseconds instead of hundreds.
        var events = feed.Scope switch
        {
            CalendarFeedScope.Unit => db.Events.Where(e => e.EndsAt >= eventsSince
                && db.EventUnits.Where(c => c.UnitId == feed.UnitId).Select(c => c.EventId).Contains(e.Id)),
            CalendarFeedScope.Campaign => db.Events.Where(e => e.CampaignId == feed.CampaignId && e.EndsAt >= eventsSince),
            _ => db.Events.Where(e => db.DutyAssignments.Where(d => d.UserId == feed.UserId && d.EndsAt >= dutiesSince)
                .Select(d => d.EventId).Contains(e.Id)),
        };

        var rows = await events
            .OrderBy(e => e.StartsAt).ThenBy(e => e.Id)
            .Select(e => new FeedEvent(
                e.Id, e.Title, e.Kind, e.Channel, e.Platform, e.PlatformDetail, e.StartsAt, e.EndsAt, e.Status,
                e.CalendarSequence, e.UpdatedAt, e.Campaign!.Name,
                e.Venue != null ? e.Venue.Name : null, e.Venue != null ? e.Venue.Address : null,
                e.HostOrganisation != null ? e.HostOrganisation.Name : null, e.HostOrganisation != null ? e.HostOrganisation.Address : null,
                e.Location, e.SeriesName, e.StopNumber))
            .ToListAsync(cancellationToken);

        ILookup<int, string> units = EmptyLookup<string>();
        ILookup<int, EventSpeaker> speakers = EmptyLookup<EventSpeaker>();
        ILookup<int, FeedDuty> duties = EmptyLookup<FeedDuty>();
        if (rows.Count > 0)
        {
            // The same filter as a subquery rather than a list of ids: one round trip each, and no parameter
            // limit (SQL Server takes 2,100) however many events a unit has.
            var ids = events.Select(e => e.Id);
            units = await db.EventUnits.Where(c => ids.Contains(c.EventId)).UnitNamesByEventAsync(cancellationToken);
            speakers = (await db.Set<EventSpeaker>().Where(s => ids.Contains(s.EventId))
                    .OrderBy(s => s.SortOrder).ThenBy(s => s.Id)
                    .ToListAsync(cancellationToken))
                .ToLookup(s => s.EventId);
            duties = (await db.DutyAssignments.Where(d => ids.Contains(d.EventId))
                    .OrderBy(d => d.StartsAt).ThenBy(d => d.Id)
                    .Select(d => new FeedDuty(d.Id, d.EventId, d.UserId, d.User!.DisplayName ?? d.User.Email ?? "", d.Role, d.StartsAt, d.EndsAt, d.Note))
                    .ToListAsync(cancellationToken))
                .ToLookup(d => d.EventId);
        }

        var tzid = IanaId(clock.TimeZone);
        var calendar = new IcsCalendar { ProductId = ProductId, Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", feed.TargetName ?? localizer["CalendarFeeds_MyDuties"]);
        calendar.AddProperty("X-WR-TIMEZONE", tzid);
        // Asks calendar apps to refresh hourly (many poll far less often by default).
        calendar.AddProperty("X-PUBLISHED-TTL", "PT1H");
        calendar.AddTimeZone(TimeZoneComponent(tzid, clock.TimeZone, rows.Count > 0 ? rows[0].StartsAt : clock.Now));

        var stamp = new CalDateTime(time.GetUtcNow().UtcDateTime, CalDateTime.UtcTzId);
        foreach (var row in rows)
        {
            var place = Place(row);
            var url = baseUrl is not null && Uri.TryCreate($"{baseUrl}/events/{row.Id}", UriKind.Absolute, out var link) ? link : null;
            var description = Description(row, units[row.Id], speakers[row.Id], duties[row.Id], url);
            if (feed.Scope == CalendarFeedScope.MyDuties)
            {
                foreach (var duty in duties[row.Id].Where(d => d.UserId == feed.UserId && d.EndsAt >= dutiesSince))
                {
                    var yours = string.Format(localizer["CalendarFeeds_YourDuty"], RoleName(duty.Role), Shift(duty.StartsAt, duty.EndsAt));
                    var note = duty.Note is null ? "" : "\n" + Line("Note", duty.Note);
                    calendar.Events.Add(Event(
                        $"duty-{duty.Id}@campaignhub", duty.StartsAt, duty.EndsAt, string.Format(localizer["CalendarFeeds_DutySummary"], row.Title, RoleName(duty.Role)),
                        yours + note + "\n\n" + description, place, row, url, tzid, stamp));
                }
            }
            else
            {
                calendar.Events.Add(Event($"event-{row.Id}@campaignhub", row.StartsAt, row.EndsAt, row.Title, description, place, row, url, tzid, stamp));
            }
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static CalendarEvent Event(
        string uid, DateTime start, DateTime end, string summary, string description, string? place, FeedEvent row, Uri? url, string tzid, CalDateTime stamp) =>
        new()
        {
            Uid = uid,
            DtStamp = stamp,
            DtStart = new CalDateTime(start, tzid),
            DtEnd = new CalDateTime(end, tzid),
            Sequence = row.Sequence,
            LastModified = row.UpdatedAt == default ? null : new CalDateTime(DateTime.SpecifyKind(row.UpdatedAt, DateTimeKind.Utc), CalDateTime.UtcTzId),
            Summary = summary,
            Location = place,
            Description = description,
            Status = row.Status switch
            {
                Domain.EventStatus.Cancelled => FeedStatus.Cancelled,
                Domain.EventStatus.Planned => FeedStatus.Tentative,
                _ => FeedStatus.Confirmed,
            },
            Url = url,
        };

    /// <summary>The venue (name, address), else the host organisation, then the place in words; online, the platform.</summary>
    private string? Place(FeedEvent row)
    {
        var parts = new List<string?>();
        if (row.VenueName is not null)
        {
            parts.Add(row.VenueName);
            parts.Add(row.VenueAddress);
        }
        else if (row.HostName is not null)
        {
            parts.Add(row.HostName);
            parts.Add(row.HostAddress);
        }

        parts.Add(row.Location);
        if (parts.All(string.IsNullOrWhiteSpace) && row.Channel == EventChannel.Online)
        {
            parts.Add(Channel(row));
        }

        var text = string.Join(", ", parts.Where(p => !string.IsNullOrWhiteSpace(p)));
        return text.Length == 0 ? null : text;
    }

    private string Description(FeedEvent row, IEnumerable<string> units, IEnumerable<EventSpeaker> speakers, IEnumerable<FeedDuty> duties, Uri? url)
    {
        var text = new StringBuilder();
        text.AppendLine(Line("Campaign", row.CampaignName));
        text.AppendLine(Line("Kind", localizer[$"EventKind_{Codes<Domain.EventKind>.Of(row.Kind)}"]));
        text.AppendLine(Line("Channel", Channel(row)));
        var names = units.ToList();
        if (names.Count > 0)
        {
            text.AppendLine(Line("Units", string.Join(" / ", names)));
        }

        if (row.SeriesName is not null)
        {
            var stop = row.StopNumber is { } n ? " " + string.Format(localizer["Event_StopN"], n) : "";
            text.AppendLine(Line("Series", row.SeriesName + stop));
        }

        text.AppendLine(Line("Status", localizer[$"EventStatus_{Codes<Domain.EventStatus>.Of(row.Status)}"]));
        // The programme by role, talks first under their old heading: who speaks, chairs or is on the visiting team.
        foreach (var role in speakers.GroupBy(s => s.Role).OrderBy(g => g.Key))
        {
            text.AppendLine(role.Key == ProgrammeRole.Talk
                ? localizer["CalendarFeeds_Line_Speakers"]
                : string.Format(localizer["CalendarFeeds_Line_Role"], CodeTexts.Name(localizer, role.Key)));
            foreach (var person in role)
            {
                // " · " reads the same in Chinese and English.
                text.AppendLine("- " + string.Join(" · ", new[] { person.Name, person.Position, person.Department, person.Affiliation, person.TalkTitle, person.Topic }
                    .Where(p => p is not null)));
            }
        }

        var onDuty = duties.ToList();
        if (onDuty.Count > 0)
        {
            text.AppendLine(localizer["CalendarFeeds_Line_OnDuty"]);
            foreach (var duty in onDuty)
            {
                text.AppendLine($"- {duty.Name} · {RoleName(duty.Role)} · {Shift(duty.StartsAt, duty.EndsAt)}");
            }
        }

        if (url is not null)
        {
            text.AppendLine(Line("Details", url.ToString()));
        }

        // Ical.Net folds and escapes; plain LF line breaks become \n in the file.
        return text.ToString().ReplaceLineEndings("\n").TrimEnd('\n');
    }

    /// <summary>One labelled line of the description, e.g. CalendarFeeds_Line_Kind: "活动类型：科普讲座".</summary>
    private string Line(string label, string value) => string.Format(localizer[$"CalendarFeeds_Line_{label}"], value);

    private string Channel(FeedEvent row)
    {
        var text = localizer[$"EventChannel_{Codes<EventChannel>.Of(row.Channel)}"].Value;
        if (row.Platform is { } platform)
        {
            text += " · " + localizer[$"OnlinePlatform_{Codes<OnlinePlatform>.Of(platform)}"];
        }

        return row.PlatformDetail is null ? text : $"{text} ({row.PlatformDetail})";
    }

    private string RoleName(DutyRole role) => localizer[$"CalendarFeeds_Role_{Codes<DutyRole>.Of(role)}"];

    private static string Shift(DateTime start, DateTime end) =>
        start.Date == end.Date
            ? $"{start.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}–{end.ToString("HH:mm", CultureInfo.InvariantCulture)}"
            : $"{start.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} – {end.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}";

    /// <summary>The IANA name calendar apps know, also when the zone was configured by its Windows name.</summary>
    private static string IanaId(TimeZoneInfo zone) =>
        zone.HasIanaId ? zone.Id : TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? iana : zone.Id;

    /// <summary>
    /// The VTIMEZONE for the zone from <paramref name="earliest"/> on. Ical.Net repeats a zone's last transition
    /// yearly even when daylight saving time has ended for good (China's in 1991); without any later rule the
    /// transition is made a one-off, so the definition says what the zone does: UTC+8 all year.
    /// </summary>
    private static VTimeZone TimeZoneComponent(string tzid, TimeZoneInfo zone, DateTime earliest)
    {
        var component = VTimeZone.FromDateTimeZone(tzid, earliest, includeHistoricalData: false);
        if (!zone.GetAdjustmentRules().Any(r => r.DateEnd >= earliest.Date && r.DaylightDelta != TimeSpan.Zero))
        {
            foreach (var observance in component.TimeZoneInfos)
            {
                observance.RecurrenceRule = null;
            }
        }

        return component;
    }

    private static ILookup<int, T> EmptyLookup<T>() => Array.Empty<(int, T)>().ToLookup(p => p.Item1, p => p.Item2);

    private sealed record FeedEvent(
        int Id, string Title, Domain.EventKind Kind, EventChannel Channel, OnlinePlatform? Platform, string? PlatformDetail,
        DateTime StartsAt, DateTime EndsAt, Domain.EventStatus Status, int Sequence, DateTime UpdatedAt, string CampaignName,
        string? VenueName, string? VenueAddress, string? HostName, string? HostAddress, string? Location, string? SeriesName, int? StopNumber);

    private sealed record FeedDuty(int Id, int EventId, string UserId, string Name, DutyRole Role, DateTime StartsAt, DateTime EndsAt, string? Note);
}
