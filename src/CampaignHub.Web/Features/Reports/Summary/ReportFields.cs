using System.Globalization;
using System.Text.RegularExpressions;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Campaigns;
using CampaignHub.Web.Features.Totals;

namespace CampaignHub.Web.Features.Reports.Summary;

/// <summary>
/// The fields a draft's text may hold, bound to the statistics and evaluated at every render:
/// <c>{metric:CODE}</c> a metric's total; <c>{events}</c>, <c>{events:online}</c>, <c>{events:KIND}</c>,
/// <c>{events:KIND:offline}</c> events counted; <c>{units}</c> the units that took part;
/// <c>{unit:ID:events}</c>, <c>{unit:ID:served}</c> one unit's events and people served;
/// <c>{target:CODE}</c>, <c>{target:CODE:percent}</c> a target and its progress; <c>{served}</c> the people served
/// (patients and public who benefited); <c>{outcome:ID}</c> an outcome's value in percent ("—" when a computed one
/// has nothing to divide by). Anything else in braces is text.
/// </summary>
public static partial class ReportFields
{
    public const string EventsOf = "events";

    public static string Metric(string code) => $"{{metric:{code}}}";

    public static string Events(string? kind = null, EventChannel? channel = null)
    {
        var parts = new List<string> { "events" };
        if (kind is not null)
        {
            parts.Add(kind);
        }

        if (channel is { } c)
        {
            parts.Add(Codes<EventChannel>.Of(c));
        }

        return "{" + string.Join(':', parts) + "}";
    }

    public const string Units = "{units}";

    public static string UnitEvents(int id) => $"{{unit:{id.ToString(CultureInfo.InvariantCulture)}:events}}";

    public static string UnitServed(int id) => $"{{unit:{id.ToString(CultureInfo.InvariantCulture)}:served}}";

    public const string Served = "{served}";

    public static string Outcome(int id) => $"{{outcome:{id.ToString(CultureInfo.InvariantCulture)}}}";

    /// <summary>What a field without a value shows: a computed rate whose denominator is 0 in the period.</summary>
    public const string NoValue = "—";

    /// <summary>The text cut into literal pieces and fields (a field's <c>Token</c> is the whole <c>{…}</c>).</summary>
    public static IEnumerable<(string Text, bool IsField)> Split(string text)
    {
        var position = 0;
        foreach (Match match in Token().Matches(text))
        {
            if (match.Index > position)
            {
                yield return (text[position..match.Index], false);
            }

            yield return (match.Value, true);
            position = match.Index + match.Length;
        }

        if (position < text.Length)
        {
            yield return (text[position..], false);
        }
    }

    /// <summary>The fields a text holds, as written.</summary>
    public static IEnumerable<string> In(string? text) =>
        text is null ? [] : Token().Matches(text).Select(m => m.Value);

    /// <summary>The field's key: its braces off, lower case (<c>metric:reach_wechat</c>).</summary>
    public static string Key(string token) => token.Trim('{', '}').ToLowerInvariant();

    [GeneratedRegex(@"\{(?:metric|events|units|unit|target|served|outcome)(?::[A-Za-z0-9_:]{1,100})?\}", RegexOptions.CultureInvariant)]
    private static partial Regex Token();
}

/// <summary>
/// The value of every field for one report's statistics. A field that names no metric, kind or unit the app
/// knows stays unresolved: the document shows it as written and the editor lists it, so a change of the metric
/// catalogue never breaks a draft.
/// </summary>
public sealed class FieldValues
{
    private readonly Dictionary<string, decimal> values;

    private readonly HashSet<string> undefined;

    private readonly Dictionary<string, decimal> estimated;

    private FieldValues(Dictionary<string, decimal> values, HashSet<string> undefined, Dictionary<string, decimal> estimated)
    {
        this.values = values;
        this.undefined = undefined;
        this.estimated = estimated;
    }

    /// <summary>The estimated part of a field's value (a metric's total that includes estimates); 0 for anything counted.</summary>
    public decimal Estimated(string token) => estimated.GetValueOrDefault(ReportFields.Key(token));

    /// <summary>Field key → value, sorted: what a draft remembers as "the figures it was edited against".</summary>
    public IReadOnlyDictionary<string, decimal> All => values;

    public static FieldValues From(CampaignStatistics statistics, IEnumerable<string> metricCodes, CampaignResults? results = null)
    {
        var undefined = new HashSet<string>(StringComparer.Ordinal);
        var values = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var code in metricCodes)
        {
            values[$"metric:{code.ToLowerInvariant()}"] = statistics.Totals.Metrics.GetValueOrDefault(code);
        }

        var totals = statistics.Totals;
        values["events"] = totals.EventCount;
        values["events:online"] = totals.Events.Values.Sum(c => c.Online);
        values["events:offline"] = totals.Events.Values.Sum(c => c.Offline);
        foreach (var kind in Codes<EventKind>.All)
        {
            var counts = totals.Events.GetValueOrDefault(kind) ?? new ChannelCounts(0, 0);
            values[$"events:{kind}"] = counts.Online + counts.Offline;
            values[$"events:{kind}:online"] = counts.Online;
            values[$"events:{kind}:offline"] = counts.Offline;
        }

        values["units"] = statistics.Units.Count(c => c.Events > 0 || c.PeopleServed > 0);
        foreach (var unit in statistics.Units)
        {
            var id = unit.UnitId.ToString(CultureInfo.InvariantCulture);
            values[$"unit:{id}:events"] = unit.Events;
            values[$"unit:{id}:served"] = unit.PeopleServed;
        }

        foreach (var target in statistics.Targets)
        {
            values[$"target:{target.Code.ToLowerInvariant()}"] = target.Target;
            values[$"target:{target.Code.ToLowerInvariant()}:percent"] = target.Percent;
        }

        values["served"] = CampaignStatisticsService.PeopleServedMetrics.Sum(code => statistics.Totals.Metrics.GetValueOrDefault(code));
        foreach (var outcome in results?.Outcomes ?? [])
        {
            var key = $"outcome:{outcome.Id.ToString(CultureInfo.InvariantCulture)}";
            if (outcome.Value is { } value)
            {
                values[key] = value;
            }
            else
            {
                undefined.Add(key);
            }
        }

        var estimated = statistics.Totals.Estimated.ToDictionary(e => $"metric:{e.Key.ToLowerInvariant()}", e => e.Value, StringComparer.Ordinal);
        estimated["served"] = CampaignStatisticsService.PeopleServedMetrics.Sum(code => statistics.Totals.Estimated.GetValueOrDefault(code));
        return new FieldValues(new Dictionary<string, decimal>(values, StringComparer.Ordinal), undefined, estimated);
    }

    /// <summary>A field that names something known but has no value in the period (a rate with nothing to divide by): shown as "—".</summary>
    public bool IsUndefined(string token) => undefined.Contains(ReportFields.Key(token));

    /// <summary>The field's value; a unit without activity in the period counts 0.</summary>
    public bool TryGet(string token, out decimal value)
    {
        var key = ReportFields.Key(token);
        if (values.TryGetValue(key, out value))
        {
            return true;
        }

        var parts = key.Split(':');
        if (parts is ["unit", var id, "events" or "served"] && int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            value = 0;
            return true;
        }

        return false;
    }

    /// <summary>The fields whose value differs from <paramref name="before"/>: key, then and now.</summary>
    public IReadOnlyList<(string Key, decimal? Before, decimal? Now)> ChangedSince(IReadOnlyDictionary<string, decimal> before) =>
        values.Keys.Union(before.Keys)
            .Order(StringComparer.Ordinal)
            .Select(k => (Key: k, Before: before.TryGetValue(k, out var b) ? b : (decimal?)null, Now: values.TryGetValue(k, out var n) ? n : (decimal?)null))
            .Where(x => (x.Before ?? 0) != (x.Now ?? 0))
            .ToList();
}
