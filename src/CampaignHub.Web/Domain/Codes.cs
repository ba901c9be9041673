using System.Collections.Frozen;
using System.Text;

namespace CampaignHub.Web.Domain;

/// <summary>
/// The stable snake_case code of each enum member (<c>FreeClinic</c> ↔ <c>free_clinic</c>), used in the database,
/// the API, spreadsheets and resource keys, so renaming nothing in C# can change stored data.
/// </summary>
public static class Codes<TEnum>
    where TEnum : struct, Enum
{
    private static readonly FrozenDictionary<TEnum, string> ToCodes =
        Enum.GetValues<TEnum>().ToFrozenDictionary(v => v, v => SnakeCase(v.ToString()));

    private static readonly FrozenDictionary<string, TEnum> FromCodes =
        ToCodes.ToFrozenDictionary(kv => kv.Value, kv => kv.Key, StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyCollection<string> All => ToCodes.Values;

    public static string Of(TEnum value) => ToCodes[value];

    public static bool TryParse(string? code, out TEnum value) =>
        FromCodes.TryGetValue(code?.Trim() ?? "", out value);

    public static TEnum Parse(string code) =>
        TryParse(code, out var value) ? value : throw new FormatException($"Unknown {typeof(TEnum).Name} code '{code}'.");

    private static string SnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }
}
