using CampaignHub.Web.Features.Figures;

namespace CampaignHub.Web.Features.Events;

/// <summary>What the event pages offer to choose from: campaigns, units, places and the metric catalogue.</summary>
public sealed record EventLookups(
    IReadOnlyList<CampaignOption> Campaigns,
    IReadOnlyList<UnitOption> Units,
    IReadOnlyList<VenueOption> Venues,
    IReadOnlyList<OrganisationOption> Organisations,
    IReadOnlyList<MetricOption> Metrics)
{
    public static EventLookups Empty { get; } = new([], [], [], [], []);
}

public sealed record CampaignOption(int Id, string Name, string? NameEn, DateOnly StartDate, DateOnly EndDate)
{
    public string LocalName(bool english) => english && !string.IsNullOrWhiteSpace(NameEn) ? NameEn : Name;

    public bool Contains(DateOnly date) => date >= StartDate && date <= EndDate;

    /// <summary>The day to log for: today while the campaign runs, else its first day.</summary>
    public DateOnly DayToLog(DateOnly today) => Contains(today) ? today : StartDate;
}

public sealed record UnitOption(int Id, string Name, string? NameEn)
{
    public string LocalName(bool english) => english && !string.IsNullOrWhiteSpace(NameEn) ? NameEn : Name;
}

public sealed record VenueOption(int Id, string Name, string OrganisationName);

public sealed record OrganisationOption(int Id, string Name, string? NameEn)
{
    public string LocalName(bool english) => english && !string.IsNullOrWhiteSpace(NameEn) ? NameEn : Name;
}
