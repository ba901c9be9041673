namespace CampaignHub.Web.Domain;

public enum EventChannel
{
    Online,
    Offline,
}
