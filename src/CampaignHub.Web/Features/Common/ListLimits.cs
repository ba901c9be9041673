using Microsoft.Extensions.Localization;

namespace CampaignHub.Web.Features.Common;

/// <summary>
/// How many entries a list in any input may have. Far above real use (Shanxi has 25 units, the catalogue about
/// 25 metrics), and far below what breaks a query: SQLite refuses more than 32,766 parameters, and a request naming
/// 40,000 ids once cost a 500 and 1.7 MB of log. Checked before the list reaches any query.
/// </summary>
public static class ListLimits
{
    /// <summary>Units an event, a campaign or a coordinator names.</summary>
    public const int Units = 100;

    /// <summary>Organisers of a campaign.</summary>
    public const int Organisers = 50;

    /// <summary>Coordinators of a unit.</summary>
    public const int Coordinators = 50;

    /// <summary>Figures, targets or versions in one input: one per metric at most.</summary>
    public const int Figures = 200;

    /// <summary>Outcome indicators of a campaign.</summary>
    public const int Outcomes = 50;

    /// <summary>Partner sites of a campaign (a project's hospitals).</summary>
    public const int PartnerSites = 200;

    /// <summary>Regions a campaign covers (provinces, cities, districts).</summary>
    public const int Regions = 100;

    /// <summary>Awards of a campaign.</summary>
    public const int Awards = 50;

    /// <summary>Named recipients of one award.</summary>
    public const int AwardRecipients = 200;

    /// <summary>
    /// People on an event's programme: a roadshow stop's team of ten and its twenty speakers, moderators and
    /// discussants fit many times over; 20,000 speakers once took minutes to delete.
    /// </summary>
    public const int People = 100;

    /// <summary>Venues (campuses, halls) of an organisation.</summary>
    public const int Venues = 200;

    /// <summary>Adds "at most N" to <paramref name="field"/> when <paramref name="count"/> exceeds <paramref name="max"/>.</summary>
    public static void Check(ValidationErrors errors, IStringLocalizer localizer, string field, int? count, int max)
    {
        if (count > max)
        {
            errors.Add(field, string.Format(localizer["Error_TooMany"], max));
        }
    }
}
