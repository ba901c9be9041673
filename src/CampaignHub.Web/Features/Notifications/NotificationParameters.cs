using System.Text.Json;

namespace CampaignHub.Web.Features.Notifications;

/// <summary>
/// The names and values a notification's text is made of, stored with it as a JSON object of strings. Names are kept
/// in both languages (<c>unit</c>, <c>unit_en</c>) so the text reads in whichever language its reader uses.
/// </summary>
public static class NotificationParameters
{
    public const string Period = "period";
    public const string Unit = "unit";
    public const string Campaign = "campaign";
    public const string Comment = "comment";
    public const string Event = "event";
    public const string Metric = "metric";
    public const string DueDate = "due";
    public const string Role = "role";
    public const string Start = "start";
    public const string End = "end";

    public static string ToJson(IReadOnlyDictionary<string, string?> values) =>
        JsonSerializer.Serialize(values.Where(v => v.Value is not null).ToDictionary(v => v.Key, v => v.Value));

    public static IReadOnlyDictionary<string, string> FromJson(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
        }
        catch (JsonException)
        {
            return new Dictionary<string, string>();
        }
    }

    /// <summary>Adds a name and its English form under <paramref name="key"/> and <c>key_en</c>.</summary>
    public static void Name(Dictionary<string, string?> values, string key, string? name, string? nameEn)
    {
        values[key] = name;
        values[key + "_en"] = string.IsNullOrWhiteSpace(nameEn) ? null : nameEn;
    }
}
