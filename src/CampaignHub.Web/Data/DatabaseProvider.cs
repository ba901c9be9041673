namespace CampaignHub.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}
