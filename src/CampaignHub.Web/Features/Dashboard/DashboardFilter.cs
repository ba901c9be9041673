using System.Globalization;

namespace CampaignHub.Web.Features.Dashboard;

/// <summary>
/// The dashboard's period and unit as they travel in the query string (<c>?from=2021-04-15&amp;to=…&amp;unitId=3</c>),
/// so a filtered dashboard can be bookmarked and shared. Unreadable values count as not given.
/// </summary>
public sealed record DashboardFilter(DateOnly? From, DateOnly? To, int? UnitId)
{
    public static DashboardFilter Parse(string? from, string? to, string? unitId) =>
        new(Date(from), Date(to),
            int.TryParse(unitId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null);

    /// <summary>The dashboard's address with this filter.</summary>
    public string ToUrl(int campaignId) => $"/campaigns/{campaignId}/dashboard{QueryString}";

    /// <summary>"?from=…&amp;to=…&amp;unitId=…" with the parts that are set; empty when none is.</summary>
    public string QueryString
    {
        get
        {
            var parts = new List<string>();
            if (From is { } from)
            {
                parts.Add("from=" + from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }

            if (To is { } to)
            {
                parts.Add("to=" + to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }

            if (UnitId is { } unit)
            {
                parts.Add("unitId=" + unit.ToString(CultureInfo.InvariantCulture));
            }

            return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
        }
    }

    private static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
