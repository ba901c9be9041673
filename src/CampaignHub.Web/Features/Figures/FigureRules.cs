using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampaignHub.Web.Features.Figures;

/// <summary>
/// The rules every figure follows, wherever it is typed: an event's figures (form, API, spreadsheet import),
/// campaign-level entries and campaign targets. One message per defect, so the form, the API and the import say
/// the same thing.
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

    /// <summary>The active catalogue by code (any case), as every figure check needs it.</summary>
    public static async Task<Dictionary<string, MetricDefinition>> ActiveCatalogueAsync(CampaignHubDbContext db, CancellationToken cancellationToken) =>
        await db.MetricDefinitions.AsNoTracking().Where(m => m.IsActive)
            .ToDictionaryAsync(m => m.Code, StringComparer.OrdinalIgnoreCase, cancellationToken);

    /// <summary>
    /// Every code must be in the active <paramref name="catalogue"/>, once; every value pass <see cref="Check"/>.
    /// Errors are named <c>figures.{code}</c>.
    /// </summary>
    public static void Validate(
        IReadOnlyDictionary<string, decimal> figures, IReadOnlyDictionary<string, MetricDefinition> catalogue,
        ValidationErrors errors, IStringLocalizer localizer)
    {
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
            else if (Check(value, metric.IsCount, localizer) is { } message)
            {
                errors.Add(field, message);
            }
        }
    }
}
