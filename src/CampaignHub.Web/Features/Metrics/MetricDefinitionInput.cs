using CampaignHub.Web.Domain;

namespace CampaignHub.Web.Features.Metrics;

/// <summary>A metric of the catalogue as an admin submits it. The code is set once, at creation.</summary>
public sealed class MetricDefinitionInput
{
    /// <summary>Lowercase snake_case, unique; ignored on update unless it differs, which is an error.</summary>
    public string? Code { get; set; }

    public string? Name { get; set; }

    public string? NameEn { get; set; }

    public string? Unit { get; set; }

    public string? UnitEn { get; set; }

    /// <summary>A code of <see cref="Domain.MetricGroup"/>, e.g. <c>media_reach</c>.</summary>
    public string? Group { get; set; }

    public int SortOrder { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>Whole numbers only (people, copies, views); false for amounts and rates, which may have decimals.</summary>
    public bool IsCount { get; set; } = true;

    /// <summary>The metric's step in the screening funnel (ascending: invited 10, screened 20, …); null takes it out of the funnel.</summary>
    public int? FunnelStep { get; set; }

    /// <summary>The smallest figure accepted; null: any from 0.</summary>
    public decimal? MinValue { get; set; }

    /// <summary>The largest figure accepted (a rate: 100); null: up to the figures' cap.</summary>
    public decimal? MaxValue { get; set; }

    /// <summary>
    /// The code of the metric this one may not exceed in the same event or unit's day (<c>positive</c>: at most
    /// <c>screened</c>); null or empty: none.
    /// </summary>
    public string? AtMost { get; set; }

    /// <summary>The event kinds the metric fits (the event form shows it first for them); null leaves them as they are.</summary>
    public List<EventKind>? AppliesTo { get; set; }

    /// <summary>The version read (the API's concurrency token for an update); a stale or missing one is a 409 with the metric as it is now.</summary>
    public long? Version { get; set; }
}
