namespace CampaignHub.Web.Features.Figures;

/// <summary>
/// Campaign-level figures of one committee on one day. Each figure is added, or replaces the one already there;
/// figures not named are left as they are.
/// </summary>
public sealed class CampaignFigureInput
{
    public int? CommitteeId { get; set; }

    public DateOnly? Date { get; set; }

    /// <summary>Metric code → value.</summary>
    public Dictionary<string, decimal>? Figures { get; set; }

    /// <summary>
    /// Metric code → the version read, for each figure that already exists (the concurrency token). A figure sent
    /// without a version must not exist yet: otherwise the save is refused (409) rather than overwriting it.
    /// </summary>
    public Dictionary<string, long>? Versions { get; set; }
}
