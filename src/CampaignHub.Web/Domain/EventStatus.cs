namespace CampaignHub.Web.Domain;

public enum EventStatus
{
    Planned,
    Confirmed,
    Held,
    Cancelled,
}
