using System.Globalization;
using CampaignHub.Web.Domain;
using Microsoft.Extensions.Localization;

namespace CampaignHub.Web.Features.Reports.Summary;

/// <summary>
/// The report's words in the report's own language, which need not be the reader's: an admin using the English UI
/// may preview the Chinese report. Strings come from the shared resources, looked up in that language.
/// </summary>
public sealed class ReportTexts(IStringLocalizer localizer, string language, UnitKind unitKind = UnitKind.Other)
{
    public const string Chinese = "zh-CN";
    public const string English = "en";

    /// <summary>The languages a report is written in, Chinese first.</summary>
    public static IReadOnlyList<string> Languages { get; } = [Chinese, English];

    public CultureInfo Culture { get; } = CultureInfo.GetCultureInfo(language);

    public string Language { get; } = language;

    public bool IsEnglish => Language == English;

    /// <summary>The kind of the units the report speaks of: 专委会 for a committee week, 科室 for a hospital's departments.</summary>
    public UnitKind UnitKind { get; } = unitKind;

    /// <summary>The supported language named by <paramref name="value"/> (any case), or null.</summary>
    public static string? Match(string? value) =>
        Languages.FirstOrDefault(l => string.Equals(l, value?.Trim(), StringComparison.OrdinalIgnoreCase));

    public string this[string key] => Lookup(key) ?? key;

    public bool Has(string key) => Lookup(key) is not null;

    public string Format(string key, params object?[] args) => string.Format(Culture, this[key], args);

    /// <summary>
    /// Texts counted with this hold "one|other" in both languages (Chinese repeats its one form), so the placeholders
    /// of the two resource files agree; "one" is used for a count of exactly one.
    /// </summary>
    public string Plural(string key, decimal count, params object?[] args)
    {
        var text = this[key];
        var forms = text.Split('|');
        var form = forms.Length == 2 ? (count == 1 ? forms[0] : forms[1]) : text;
        return string.Format(Culture, form, args);
    }

    /// <summary>Digits without thousands separators (2542, 38171), as the source report writes them.</summary>
    public static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>
    /// A total as the report says it, counted and estimated kept honest: counted throughout, the number (38171); wholly
    /// estimated, "约500" ("about 500"); partly estimated, the total rounded down to two significant digits with
    /// "余" ("more than": 38650 → "38000余", "more than 38000"), or "约" when rounding down changes nothing.
    /// </summary>
    public string Amount(decimal total, decimal estimated)
    {
        if (estimated <= 0 || total <= 0)
        {
            return Number(total);
        }

        var floor = RoundDown(total);
        return estimated < total && floor < total
            ? Format("Report_MoreThan", Number(floor))
            : Format("Report_About", Number(total));
    }

    /// <summary>Rounded down to two significant digits: 38650 → 38000, 543 → 540, 7.5 → 7.</summary>
    public static decimal RoundDown(decimal value)
    {
        var whole = decimal.Floor(value);
        if (whole < 100)
        {
            return whole;
        }

        var step = 1m;
        while (whole / step >= 100)
        {
            step *= 10;
        }

        return decimal.Floor(whole / step) * step;
    }

    /// <summary>True when the text holds Chinese characters: in an English report, text still awaiting a translator.</summary>
    public static bool HasChinese(string text) =>
        text.Any(c => c is >= '\u3400' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF');

    public string Date(DateOnly date) => date.ToString(this["Report_DateFormat"], Culture);

    public string Name(string name, string? nameEn) => IsEnglish && !string.IsNullOrWhiteSpace(nameEn) ? nameEn : name;

    /// <summary>A figure without a phrase of its own: 医护人员40人, or "Medical staff: 40 people".</summary>
    public string Figure(string name, decimal value, string unit) => Figure(name, Number(value), unit);

    /// <summary>A figure without a phrase of its own, its number already said (约40, "about 40").</summary>
    public string Figure(string name, string amount, string unit) =>
        IsEnglish ? $"{name}: {amount} {unit}".TrimEnd() : $"{name}{amount}{unit}";

    /// <summary>
    /// A list as the language writes it: 甲，乙，丙 (or 甲、乙、丙 for an enumeration inside a clause) in Chinese;
    /// "a, b and c" in English.
    /// </summary>
    public string List(IReadOnlyList<string> items, bool enumeration = false)
    {
        if (!IsEnglish)
        {
            return string.Join(enumeration ? "、" : "，", items);
        }

        return items.Count <= 1 ? string.Join("", items) : string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1];
    }

    /// <summary>Clauses of one Chinese sentence (joined by commas) or English sentences of their own.</summary>
    public string Sentences(IReadOnlyList<string> clauses)
    {
        if (clauses.Count == 0)
        {
            return "";
        }

        return IsEnglish
            ? string.Join(" ", clauses.Select(c => Capitalise(c) + "."))
            : string.Join("，", clauses) + "。";
    }

    /// <summary>Separates the items of a list whose items already contain commas (unit by unit).</summary>
    public string Semicolons(IEnumerable<string> items) => string.Join(IsEnglish ? "; " : "；", items);

    /// <summary>一、二、… 五十、 in Chinese, "1." "2." in English.</summary>
    public string SectionNumber(int number) => IsEnglish ? $"{number}." : ChineseNumerals.Of(number) + "、";

    private static string Capitalise(string text) =>
        text.Length > 0 && char.IsLower(text[0]) ? char.ToUpperInvariant(text[0]) + text[1..] : text;

    /// <summary>
    /// Report texts name units by their kind's word: %unit% and %units% (%Unit%, %Units% at a sentence's start) become
    /// 专委会, 科室, 协作单位… or committee(s), department(s), partner site(s)…, so one text serves every form of campaign.
    /// </summary>
    private string WithUnitWords(string text)
    {
        if (!text.Contains('%'))
        {
            return text;
        }

        var code = Codes<UnitKind>.Of(UnitKind);
        var one = localizer[$"UnitKind_{code}_One"].Value;
        var many = localizer[$"UnitKind_{code}_Plural"].Value;
        return text.Replace("%units%", many).Replace("%unit%", one).Replace("%Units%", Capitalise(many)).Replace("%Unit%", Capitalise(one));
    }

    private string? Lookup(string key)
    {
        // The localizer reads the current UI culture; switch it for this one lookup only.
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = Culture;
            var text = localizer[key];
            return text.ResourceNotFound ? null : WithUnitWords(text.Value);
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }
}
