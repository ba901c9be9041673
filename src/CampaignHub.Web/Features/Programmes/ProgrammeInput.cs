namespace CampaignHub.Web.Features.Programmes;

/// <summary>A programme as an admin or API caller submits it; <see cref="ProgrammeService"/> names every wrong field.</summary>
public sealed class ProgrammeInput
{
    public string? Name { get; set; }

    public string? NameEn { get; set; }

    public string? Description { get; set; }

    public string? DescriptionEn { get; set; }

    /// <summary>The programme this one is a sub-project of; none for a programme of its own.</summary>
    public int? ParentId { get; set; }

    /// <summary>The version the change is based on (the concurrency token); required to update.</summary>
    public long? Version { get; set; }
}
