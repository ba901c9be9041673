namespace CampaignHub.Web.Domain;

/// <summary>The lengths of notifications and outgoing e-mails, shared by the database columns and the services.</summary>
public static class NotificationLimits
{
    public const int ParametersMaxLength = 8_000;
    public const int LinkMaxLength = 300;
    public const int AddressMaxLength = 256;
    public const int NameMaxLength = 200;
    public const int SubjectMaxLength = 300;
    public const int BodyMaxLength = 20_000;
    public const int ErrorMaxLength = 1_000;
    public const int ClaimedByMaxLength = 200;
    public const int LanguageMaxLength = 10;

    /// <summary>The longest list a person's notification page or the API returns at once.</summary>
    public const int MaxListed = 200;
}
