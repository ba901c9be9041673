using CampaignHub.Web.Domain;

namespace CampaignHub.Web.Features.Schedule;

/// <summary>What the printable week shows: whose schedule, which week, its events and who is on duty at each.</summary>
public sealed record PrintableScheduleModel(
    string Name,
    DateOnly WeekStart,
    string TimeZoneLabel,
    DateTime GeneratedAt,
    IReadOnlyList<ScheduleEntry> Entries,
    IReadOnlyDictionary<int, IReadOnlyList<PrintedDuty>> Duties,
    bool Truncated)
{
    public DateOnly WeekEnd => WeekStart.AddDays(6);

    public IReadOnlyList<PrintedDuty> DutiesOf(int eventId) => Duties.TryGetValue(eventId, out var duties) ? duties : [];
}

/// <summary>A person on duty: name (or e-mail), duty role code, shift.</summary>
public sealed record PrintedDuty(string Person, DutyRole Role, DateTime Start, DateTime End);

/// <summary>A generated file for download.</summary>
public sealed record PrintedFile(string FileName, byte[] Content);
