namespace CampaignHub.Web.Domain;

/// <summary>An indicator of the catalogue (like a DHIS2 data element): a stable code, localised names, unit and group.</summary>
public sealed class MetricDefinition : IVersioned, IAudited
{
    public int Id { get; set; }

    /// <summary>Stable code used by the API and spreadsheets, e.g. <c>patients_benefited</c>. Never changes.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public required string NameEn { get; set; }

    public required string Unit { get; set; }

    public required string UnitEn { get; set; }

    public MetricGroup Group { get; set; }

    public int SortOrder { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>
    /// People, copies, views: whole numbers only. Amounts and rates (a 47.8 % quit rate) may have decimals.
    /// </summary>
    public bool IsCount { get; set; } = true;

    /// <summary>
    /// The metric's step in the screening funnel (invited → screened → positive → referred → diagnosed early), in
    /// ascending order; null for a metric outside the funnel.
    /// </summary>
    public int? FunnelStep { get; set; }

    /// <summary>The smallest value a figure of this metric may have (e.g. 1 trainee); null: any value from 0.</summary>
    public decimal? MinValue { get; set; }

    /// <summary>The largest value a figure of this metric may have (a quit rate: 100); null: up to the figures' cap.</summary>
    public decimal? MaxValue { get; set; }

    /// <summary>
    /// The code of another metric this one may not exceed in the same event (or the same unit's day of campaign-level
    /// figures): people screened positive at most people screened. Checked only when both figures are there.
    /// </summary>
    public string? AtMostCode { get; set; }

    /// <summary>The event kinds this metric fits; the event form shows those metrics first.</summary>
    public List<MetricApplicability> AppliesTo { get; set; } = [];

    public long Version { get; set; }

    public string LocalName(bool english) => english ? NameEn : Name;

    public string LocalUnit(bool english) => english ? UnitEn : Unit;
}
