namespace CampaignHub.Web.Features.Figures;

/// <summary>
/// A campaign-level figure: one metric's value for a campaign, a unit and a day, belonging to no event. The
/// unit is missing only for figures of the whole association (admins only).
/// </summary>
public sealed record CampaignFigure(
    long Id,
    int CampaignId,
    int? UnitId,
    string? UnitName,
    DateOnly Date,
    string Code,
    decimal Value,
    DateTime UpdatedAt,
    long Version)
{
    /// <summary>An estimate, not a count.</summary>
    public bool Estimated { get; init; }

    /// <summary>After a save: why this figure looks unusual (<see cref="OutlierRule"/>); saved as sent. Absent otherwise.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? Warning { get; init; }
}
