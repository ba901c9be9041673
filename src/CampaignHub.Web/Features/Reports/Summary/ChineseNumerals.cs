namespace CampaignHub.Web.Features.Reports.Summary;

/// <summary>Chinese numerals for section numbers: 一 … 十, 十一, 二十, 二十一 … 九十九.</summary>
public static class ChineseNumerals
{
    private static readonly string[] Digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

    public static string Of(int number)
    {
        if (number is < 1 or > 99)
        {
            return number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var tens = number / 10;
        var ones = number % 10;
        var text = tens switch
        {
            0 => "",
            1 => "十",
            _ => Digits[tens] + "十",
        };
        return ones == 0 ? text : text + Digits[ones];
    }
}
