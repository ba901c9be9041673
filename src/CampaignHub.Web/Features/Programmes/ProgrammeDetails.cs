namespace CampaignHub.Web.Features.Programmes;

/// <summary>A programme as shown and returned by the API: its parent, its sub-programmes and its own campaigns.</summary>
public sealed record ProgrammeDetails(
    int Id,
    string Name,
    string? NameEn,
    string? Description,
    string? DescriptionEn,
    int? ParentId,
    string? ParentName,
    IReadOnlyList<int> SubProgrammeIds,
    IReadOnlyList<ProgrammeCampaignItem> Campaigns,
    long Version);

/// <summary>A campaign that belongs to the programme itself (an edition or a sub-project).</summary>
public sealed record ProgrammeCampaignItem(int Id, string Name, string? NameEn, string? Edition, string? EditionEn, DateOnly StartDate, DateOnly EndDate);
