namespace CampaignHub.Web.Domain;

/// <summary>
/// What an admin sent back with a submission: a comment on the whole submission, on one event, on one of its
/// figures, or on one of the unit's campaign-level figures (<see cref="EventId"/> null, <see cref="MetricDefinitionId"/>
/// set). Open until the unit submits again.
/// </summary>
/// <remarks>
/// <see cref="EventId"/> is deliberately no foreign key: the comment is part of the review's record and outlives the
/// event, and a row that points at an event would count as part of it for report locks.
/// </remarks>
public sealed class ReturnedItem : IAudited, ICreatedBy
{
    public int Id { get; set; }

    public int CampaignId { get; set; }

    public int SubmissionId { get; set; }

    public UnitSubmission? Submission { get; set; }

    /// <summary>The submission's round the comment was made on.</summary>
    public int Round { get; set; }

    public int? EventId { get; set; }

    public int? MetricDefinitionId { get; set; }

    public MetricDefinition? Metric { get; set; }

    public required string Comment { get; set; }

    /// <summary>Set when the unit submitted again (or was excused): the comment was answered.</summary>
    public DateTime? ResolvedAt { get; set; }

    public DateTime CreatedAt { get; set; }

    public string? CreatedById { get; set; }
}
