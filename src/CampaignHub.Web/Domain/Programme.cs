namespace CampaignHub.Web.Domain;

/// <summary>
/// A programme that runs over years: its yearly editions and sub-projects are campaigns (<see cref="Campaign.ProgrammeId"/>)
/// or sub-programmes (<see cref="ParentId"/>), e.g. 乳房再造公益行 with its 2019, 2020 and 2021 editions. Its report
/// rolls up the campaigns of the programme and of its sub-programmes.
/// </summary>
public sealed class Programme : IVersioned, IAudited
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public string? NameEn { get; set; }

    /// <summary>The programme in its organisers' words, for its report's opening.</summary>
    public string? Description { get; set; }

    public string? DescriptionEn { get; set; }

    /// <summary>The programme this one is a sub-project of; never itself, directly or through its parents.</summary>
    public int? ParentId { get; set; }

    public Programme? Parent { get; set; }

    public long Version { get; set; }
}
