namespace CampaignHub.Web.Features.Campaigns;

/// <summary>A campaign as shown and returned by the API; targets by metric code, dates as YYYY-MM-DD.</summary>
public sealed record CampaignDetails(
    int Id,
    string Name,
    string? NameEn,
    string? Theme,
    string? ThemeEn,
    string? Edition,
    string? EditionEn,
    DateOnly StartDate,
    DateOnly EndDate,
    IReadOnlyList<int> OrganiserIds,
    IReadOnlyList<string> OrganiserNames,
    IReadOnlyList<int> UnitIds,
    IReadOnlyList<string> UnitNames,
    IReadOnlyDictionary<string, decimal> Targets,
    IReadOnlyList<OutcomeDetails> Outcomes,
    long Version)
{
    public string? Description { get; init; }

    public string? DescriptionEn { get; init; }

    public string? ReportingMedia { get; init; }

    public string? ReportingMediaEn { get; init; }

    /// <summary>The programme the campaign belongs to, if any, and its names.</summary>
    public int? ProgrammeId { get; init; }

    public string? ProgrammeName { get; init; }

    public string? ProgrammeNameEn { get; init; }
}

public sealed record OutcomeDetails(int Id, string Name, string? NameEn, decimal RatePercent, string? Note);

/// <summary>A row of the campaign list.</summary>
public sealed record CampaignListItem(
    int Id,
    string Name,
    string? NameEn,
    string? Theme,
    string? ThemeEn,
    string? Edition,
    string? EditionEn,
    DateOnly StartDate,
    DateOnly EndDate,
    int UnitCount,
    int EventCount,
    long Version)
{
    /// <summary>The programme the campaign belongs to, if any.</summary>
    public string? ProgrammeName { get; init; }

    public string? ProgrammeNameEn { get; init; }
}

/// <summary>A programme a campaign can be put in.</summary>
public sealed record ProgrammeChoice(int Id, string Name, string? NameEn);
