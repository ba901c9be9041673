namespace CampaignHub.Web.Domain;

/// <summary>
/// A stretch of a campaign its units report on by a due date: the prevention week due 30 April, or one week of a long
/// programme due the following Monday. The periods of one campaign never overlap, so an event belongs to at most one.
/// </summary>
public sealed class ReportingPeriod : IVersioned, IAudited
{
    public int Id { get; set; }

    public int CampaignId { get; set; }

    public Campaign? Campaign { get; set; }

    public required string Name { get; set; }

    public string? NameEn { get; set; }

    /// <summary>First day covered (inclusive).</summary>
    public DateOnly From { get; set; }

    /// <summary>Last day covered (inclusive).</summary>
    public DateOnly To { get; set; }

    /// <summary>The last day (the association's date) a unit submits on time.</summary>
    public DateOnly DueDate { get; set; }

    public long Version { get; set; }
}
