using System.Globalization;
using System.Resources;

namespace CampaignHub.Web;

/// <summary>
/// Data-annotation messages in the user's language: attributes name these properties through
/// ErrorMessageResourceType, and they read the shared resources for the current UI culture.
/// </summary>
public static class ValidationMessages
{
    private static readonly ResourceManager Resources =
        new("CampaignHub.Web.Resources.SharedResource", typeof(ValidationMessages).Assembly);

    public static string Required => Get(nameof(Required));

    public static string EmailAddress => Get(nameof(EmailAddress));

    public static string PasswordLength => Get(nameof(PasswordLength));

    public static string PasswordsDoNotMatch => Get(nameof(PasswordsDoNotMatch));

    public static string CodeFormat => Get(nameof(CodeFormat));

    private static string Get(string name) =>
        Resources.GetString("Validation_" + name, CultureInfo.CurrentUICulture) ?? name;
}
