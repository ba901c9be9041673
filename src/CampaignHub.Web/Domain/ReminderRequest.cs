namespace CampaignHub.Web.Domain;

/// <summary>
/// A reminder a unit's coordinators are to get about a period: recorded here, delivered (e-mail, in-app) by the
/// notification sender, which claims a request before sending so that each goes out once even with several app
/// instances. At most one request of an automatic kind per unit and period (a unique index); manual ones may repeat,
/// but not while one is still waiting to go out.
/// </summary>
public sealed class ReminderRequest : IAudited, ICreatedBy
{
    public long Id { get; set; }

    public int CampaignId { get; set; }

    public int ReportingPeriodId { get; set; }

    public ReportingPeriod? ReportingPeriod { get; set; }

    public int UnitId { get; set; }

    public Unit? Unit { get; set; }

    public ReminderKind Kind { get; set; }

    public DateTime CreatedAt { get; set; }

    public string? CreatedById { get; set; }

    /// <summary>Which sender took it, and until when (the claim lapses if that sender dies).</summary>
    [NotAudited]
    public string? ClaimedBy { get; set; }

    [NotAudited]
    public DateTime? ClaimedUntil { get; set; }

    [NotAudited]
    public int Attempts { get; set; }

    [NotAudited]
    public string? LastError { get; set; }

    /// <summary>Set once it went out: the request is done.</summary>
    public DateTime? DeliveredAt { get; set; }
}
