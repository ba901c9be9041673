namespace CampaignHub.Web.Domain;

/// <summary>What a calendar feed holds: its owner's duties, a unit's events or a campaign's events.</summary>
public enum CalendarFeedScope
{
    MyDuties,
    Unit,
    Campaign,
}
