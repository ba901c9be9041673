using System.Globalization;

namespace CampaignHub.Web.Features.Figures;

/// <summary>A figure as typed into a form, and back: "1,200", "１２０" (a Chinese keyboard's full-width digits), "47.8".</summary>
public static class FigureText
{
    /// <summary>How a stored figure is put into an input: plain digits, no grouping, decimals only when it has some.</summary>
    public static string Of(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);

    /// <summary>True for a number (blank is not one); any sign is kept for the rules to judge.</summary>
    public static bool TryParse(string? text, out decimal value)
    {
        value = 0;
        var normalised = Normalise(text);
        return normalised.Length > 0
               && decimal.TryParse(normalised, NumberStyles.Number, CultureInfo.InvariantCulture, out value);
    }

    public static bool IsBlank(string? text) => string.IsNullOrWhiteSpace(text);

    private static string Normalise(string? text)
    {
        var chars = (text ?? "").Trim().ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = chars[i] switch
            {
                >= '０' and <= '９' => (char)('0' + (chars[i] - '０')),
                '．' => '.',
                '，' => ',',
                '－' => '-',
                _ => chars[i],
            };
        }

        return new string(chars);
    }
}
