using System.Globalization;

namespace CampaignHub.Web.Features.Common;

/// <summary>
/// The language the user reads the UI in (zh-CN by default, en when chosen), and names in it. Every page and
/// document asks here instead of testing the culture itself.
/// </summary>
public static class UiLanguage
{
    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>The English text in English when there is one; the Chinese text otherwise.</summary>
    public static string Pick(string name, string? nameEn) => IsEnglish && !string.IsNullOrWhiteSpace(nameEn) ? nameEn : name;
}
