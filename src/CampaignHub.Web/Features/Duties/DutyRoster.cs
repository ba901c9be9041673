namespace CampaignHub.Web.Features.Duties;

/// <summary>An event's roster with what the roster form needs of the event: its time and its units (who may write).</summary>
public sealed record DutyRoster(
    int EventId,
    string EventTitle,
    DateTime EventStart,
    DateTime EventEnd,
    IReadOnlyList<int> UnitIds,
    IReadOnlyList<DutyDetails> Duties);
