namespace CampaignHub.Web.Domain;

/// <summary>What a calendar feed holds: its owner's duties, a committee's events or a campaign's events.</summary>
public enum CalendarFeedScope
{
    MyDuties,
    Committee,
    Campaign,
}
