namespace CampaignHub.Web.Features.Reporting;

/// <summary>A reporting period as an admin sets it: <c>{name, nameEn, from, to, dueDate}</c> (dates YYYY-MM-DD).</summary>
public sealed class ReportingPeriodInput
{
    public string? Name { get; set; }

    public string? NameEn { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    public DateOnly? DueDate { get; set; }

    /// <summary>The version read; required to change a period.</summary>
    public long? Version { get; set; }
}

/// <summary>
/// Weekly periods for a long campaign: seven days each from <see cref="From"/> (default: the campaign's first day) to
/// <see cref="To"/> (default: its last), the last one shorter if need be, each due the Monday after it ends.
/// </summary>
public sealed class WeeklyPeriodsInput
{
    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }
}

public sealed record ReportingPeriodDetails(
    int Id, int CampaignId, string Name, string? NameEn, DateOnly From, DateOnly To, DateOnly DueDate, long Version)
{
    public string LocalName(bool english) => english && !string.IsNullOrWhiteSpace(NameEn) ? NameEn : Name;
}
