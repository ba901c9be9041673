namespace CampaignHub.Web.Domain;

/// <summary>
/// An outcome indicator of a campaign, e.g. 47.8% quit smoking one month after the service. Either measured (the
/// rate as stated, or its numerator and denominator, with sample size, method and date) or computed from the logged
/// figures of two metrics over the report's period; optionally with a target rate.
/// </summary>
public sealed class CampaignOutcome : IAudited
{
    public int Id { get; set; }

    public int CampaignId { get; set; }

    public required string Name { get; set; }

    public string? NameEn { get; set; }

    public OutcomeKind Kind { get; set; } = OutcomeKind.Measured;

    /// <summary>A measured rate in percent, 0 to 100; null when it is computed or given as numerator and denominator.</summary>
    public decimal? RatePercent { get; set; }

    public OutcomeBound Bound { get; set; } = OutcomeBound.Exact;

    /// <summary>A measured rate's counts (8280 of 17326 followed up), when known; the rate is their quotient.</summary>
    public decimal? Numerator { get; set; }

    public decimal? Denominator { get; set; }

    /// <summary>How many people the measurement covered; by default a measured rate's denominator.</summary>
    public int? SampleSize { get; set; }

    /// <summary>How it was measured: 电话随访, 问卷调查.</summary>
    public string? Method { get; set; }

    public string? MethodEn { get; set; }

    public DateOnly? MeasuredOn { get; set; }

    /// <summary>A computed rate's numerator metric (people who quit at one month).</summary>
    public int? NumeratorMetricId { get; set; }

    public MetricDefinition? NumeratorMetric { get; set; }

    /// <summary>A computed rate's denominator metric (people followed up).</summary>
    public int? DenominatorMetricId { get; set; }

    public MetricDefinition? DenominatorMetric { get; set; }

    /// <summary>The rate the campaign aims for, in percent.</summary>
    public decimal? TargetPercent { get; set; }

    public string? Note { get; set; }
}
