namespace CampaignHub.Web.Domain;

/// <summary>What changed in a unit's figures between a submission and now, or between two submissions.</summary>
public enum SubmissionChangeKind
{
    EventAdded,
    EventRemoved,
    EventStatus,
    EventTitle,
    EventStart,

    /// <summary>Changed in what the snapshot does not hold (narrative, place, speakers...).</summary>
    EventEdited,

    /// <summary>One of an event's figures.</summary>
    Figure,

    /// <summary>A campaign-level figure of the unit on a day.</summary>
    Entry,
}
