using System.Globalization;
using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampaignHub.Web.Features.Figures;

/// <summary>A metric's rules as the figure checks need them: whole numbers, bounds, and the metric it may not exceed.</summary>
public sealed record FigureRule(string Code, string Name, string NameEn, bool IsCount, decimal? MinValue = null, decimal? MaxValue = null, string? AtMostCode = null)
{
    public static FigureRule Of(MetricDefinition metric) =>
        new(metric.Code, metric.Name, metric.NameEn, metric.IsCount, metric.MinValue, metric.MaxValue, metric.AtMostCode);

    public string LocalName => UiLanguage.Pick(Name, NameEn);
}

/// <summary>
/// The rules every figure follows, wherever it is typed: an event's figures (form, API, spreadsheet import),
/// campaign-level entries and campaign targets. One message per defect, so the form, the API and the import say
/// the same thing. The catalogue keeps each metric's rules (<see cref="MetricDefinition.MinValue"/>,
/// <see cref="MetricDefinition.MaxValue"/>, <see cref="MetricDefinition.IsCount"/> and
/// <see cref="MetricDefinition.AtMostCode"/>); a figure that breaks one is refused, naming the figure.
/// </summary>
public static class FigureRules
{
    /// <summary>The largest figure (or target) accepted; far above any real count, and exact as a stored double.</summary>
    public const decimal MaxValue = 1_000_000_000_000m;

    /// <summary>A longer key cannot be a metric code.</summary>
    public const int MaxCodeLength = Metrics.MetricDefinitionService.CodeMaxLength;

    /// <summary>What is wrong with one value of a metric, or null when it is fine.</summary>
    public static string? Check(decimal value, bool isCount, IStringLocalizer localizer) =>
        value < 0 ? localizer["Figures_Error_Negative"].Value
        : value > MaxValue ? localizer["Figures_Error_TooLarge"].Value
        : isCount && value != decimal.Truncate(value) ? localizer["Figures_Error_WholeNumber"].Value
        : null;

    /// <summary>What is wrong with one value by all of its metric's own rules (not its relations), or null when it is fine.</summary>
    public static string? Check(decimal value, FigureRule rule, IStringLocalizer localizer) =>
        Check(value, rule.IsCount, localizer) is { } basic ? basic
        : rule.MinValue is { } min && value < min ? string.Format(localizer["Figures_Error_BelowMinimum"], rule.LocalName, Number(min))
        : rule.MaxValue is { } max && value > max ? string.Format(localizer["Figures_Error_AboveMaximum"], rule.LocalName, Number(max))
        : null;

    /// <summary>
    /// The relations broken among one event's (or one unit's day's) figures: each metric's value against the metric it
    /// may not exceed, when both are there. The problem belongs to the figure that was sent (<paramref name="sent"/>),
    /// the bounded one when both were. Yields (metric code, message).
    /// </summary>
    public static IEnumerable<(string Code, string Message)> BrokenRelations(
        IReadOnlyDictionary<string, decimal> values, Func<string, FigureRule?> ruleOf, Func<string, bool> sent, IStringLocalizer localizer)
    {
        foreach (var (code, value) in values)
        {
            if (ruleOf(code) is not { AtMostCode: { } boundCode } rule || !values.TryGetValue(boundCode, out var bound) || value <= bound)
            {
                continue;
            }

            var boundName = ruleOf(boundCode)?.LocalName ?? boundCode;
            var message = string.Format(localizer["Figures_Error_AtMost"], rule.LocalName, Number(value), boundName, Number(bound));
            yield return (sent(code) || !sent(boundCode) ? code : boundCode, message);
        }
    }

    /// <summary>A number in a message: grouped as the user's language writes it (38,171).</summary>
    public static string Number(decimal value) => value.ToString("#,0.##", CultureInfo.CurrentCulture);

    /// <summary>The active catalogue by code (any case), as every figure check needs it.</summary>
    public static async Task<Dictionary<string, MetricDefinition>> ActiveCatalogueAsync(CampaignHubDbContext db, CancellationToken cancellationToken) =>
        await db.MetricDefinitions.AsNoTracking().Where(m => m.IsActive)
            .ToDictionaryAsync(m => m.Code, StringComparer.OrdinalIgnoreCase, cancellationToken);

    /// <summary>
    /// Every code must be in the active <paramref name="catalogue"/>, once; every value pass <see cref="Check(decimal, FigureRule, IStringLocalizer)"/>;
    /// together with <paramref name="alongside"/> (the figures of the same day that stay as they are) no relation may be
    /// broken. Errors are named <c>figures.{code}</c>.
    /// </summary>
    public static void Validate(
        IReadOnlyDictionary<string, decimal> figures, IReadOnlyDictionary<string, MetricDefinition> catalogue,
        ValidationErrors errors, IStringLocalizer localizer, IReadOnlyDictionary<string, decimal>? alongside = null)
    {
        var valid = new Dictionary<string, decimal>(alongside ?? new Dictionary<string, decimal>(), StringComparer.OrdinalIgnoreCase);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (code, value) in figures)
        {
            // The field names the code, unless the code is too long to be one: then its echo stays short.
            var field = code.Length <= MaxCodeLength ? $"figures.{code}" : "figures";
            if (!seen.Add(code))
            {
                errors.Add(field, string.Format(localizer["Figures_Error_Duplicate"], ValueEcho.Short(code)));
            }
            else if (!catalogue.TryGetValue(code, out var metric))
            {
                errors.Add(field, string.Format(localizer["Figures_Error_UnknownMetric"], ValueEcho.Short(code)));
            }
            else if (Check(value, FigureRule.Of(metric), localizer) is { } message)
            {
                errors.Add(field, message);
            }
            else
            {
                valid[metric.Code] = value;
            }
        }

        var sent = new HashSet<string>(figures.Keys, StringComparer.OrdinalIgnoreCase);
        foreach (var (code, message) in BrokenRelations(
                     valid, code => catalogue.TryGetValue(code, out var m) ? FigureRule.Of(m) : null, sent.Contains, localizer))
        {
            errors.Add($"figures.{code}", message);
        }
    }

    /// <summary>
    /// The figures marked as estimates (<c>estimated</c>: metric codes) must be among the figures sent. Errors are named
    /// <c>estimated</c>.
    /// </summary>
    public static void ValidateEstimated(
        IReadOnlyCollection<string>? estimated, IReadOnlyDictionary<string, decimal>? figures, ValidationErrors errors, IStringLocalizer localizer)
    {
        if (estimated is null)
        {
            return;
        }

        if (estimated.Count > ListLimits.Figures)
        {
            ListLimits.Check(errors, localizer, "estimated", estimated.Count, ListLimits.Figures);
            return;
        }

        foreach (var code in estimated.Where(c => figures?.ContainsKey(c ?? "") != true).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            errors.Add("estimated", string.Format(localizer["Figures_Error_EstimatedWithoutValue"], ValueEcho.Short(code ?? "")));
        }
    }
}
