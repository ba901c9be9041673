namespace CampaignHub.Web.Domain;

/// <summary>A unit running an event; a joint event has several and is credited to each.</summary>
public sealed class EventUnit : IAudited
{
    public int EventId { get; set; }

    public int UnitId { get; set; }

    public Unit? Unit { get; set; }
}
