namespace CampaignHub.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,

    /// <summary>PostgreSQL and the databases that speak its protocol and SQL (KingbaseES, openGauss, HighGo, PolarDB).</summary>
    PostgreSql,
}
