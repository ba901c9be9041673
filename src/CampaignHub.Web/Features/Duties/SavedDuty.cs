namespace CampaignHub.Web.Features.Duties;

/// <summary>
/// An assignment as saved, with the other events the person is on duty at during the same time. Those do not stop
/// the save (one may well run between two nearby stands) but the planner should know. Serialised flat: the
/// assignment's fields and a <c>warnings</c> array.
/// </summary>
public sealed record SavedDuty : DutyDetails
{
    public SavedDuty(DutyDetails duty, IReadOnlyList<DutyWarning> warnings)
        : base(duty)
    {
        Warnings = warnings;
    }

    public IReadOnlyList<DutyWarning> Warnings { get; init; }
}
