using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampaignHub.Web.Features.Figures;

/// <summary>The rules every logged figure follows, for an event's figures and campaign-level entries alike.</summary>
public static class FigureRules
{
    public const decimal MaxValue = 1_000_000_000_000m;

    /// <summary>
    /// Every code must be in the catalogue and active; every value a number of at least zero. Errors are named
    /// <c>figures.{code}</c>. Returns the active catalogue by code.
    /// </summary>
    public static async Task<Dictionary<string, MetricDefinition>> ValidateAsync(
        CampaignHubDbContext db, IReadOnlyDictionary<string, decimal> figures, ValidationErrors errors,
        IStringLocalizer localizer, CancellationToken cancellationToken)
    {
        var catalogue = await db.MetricDefinitions.AsNoTracking().Where(m => m.IsActive)
            .ToDictionaryAsync(m => m.Code, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (code, value) in figures)
        {
            if (!seen.Add(code))
            {
                errors.Add($"figures.{code}", string.Format(localizer["Figures_Error_Duplicate"], code));
            }
            else if (!catalogue.ContainsKey(code))
            {
                errors.Add($"figures.{code}", string.Format(localizer["Figures_Error_UnknownMetric"], code));
            }
            else if (value < 0)
            {
                errors.Add($"figures.{code}", localizer["Figures_Error_Negative"]);
            }
            else if (value > MaxValue)
            {
                errors.Add($"figures.{code}", localizer["Figures_Error_TooLarge"]);
            }
        }

        return catalogue;
    }
}
