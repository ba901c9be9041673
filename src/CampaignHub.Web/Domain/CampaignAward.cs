namespace CampaignHub.Web.Domain;

/// <summary>
/// An award a campaign gave (控烟大使, 戒烟大使 trophy), optionally at one of its events: the recipients by name with
/// their organisation, or only how many received it when their names are not known ("7位控烟大使").
/// </summary>
public sealed class CampaignAward : IAudited
{
    public int Id { get; set; }

    public int CampaignId { get; set; }

    public required string Name { get; set; }

    public string? NameEn { get; set; }

    /// <summary>The event (an award ceremony, a closing meeting) at which it was given.</summary>
    public int? EventId { get; set; }

    public CampaignEvent? Event { get; set; }

    /// <summary>How many received it when not all are named; at least the number named.</summary>
    public int? RecipientCount { get; set; }

    public int SortOrder { get; set; }

    public List<AwardRecipient> Recipients { get; set; } = [];
}

/// <summary>A person (or team) who received an award, with their organisation.</summary>
public sealed class AwardRecipient : IAudited
{
    public int Id { get; set; }

    public int AwardId { get; set; }

    public required string Name { get; set; }

    public string? NameEn { get; set; }

    public string? Organisation { get; set; }

    public string? OrganisationEn { get; set; }

    public int SortOrder { get; set; }
}
