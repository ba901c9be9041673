namespace CampaignHub.Web.Domain;

/// <summary>The lengths a programme's texts may have: the database columns and the rules every write checks read these.</summary>
public static class ProgrammeLimits
{
    public const int NameMaxLength = 200;
    public const int DescriptionMaxLength = 2000;

    /// <summary>How deep sub-programmes nest at most; far beyond real use, and a bound on every walk up the parents.</summary>
    public const int MaxDepth = 20;
}
