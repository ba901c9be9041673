namespace CampaignHub.Web.Features.Figures;

/// <summary>
/// Campaign-level figures of one unit on one day. Each figure is added, or replaces the one already there;
/// figures not named are left as they are.
/// </summary>
public sealed class CampaignFigureInput
{
    public int? UnitId { get; set; }

    /// <summary><see cref="UnitId"/> under its name from before units of other kinds joined the committees; accepted, never written.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public int? CommitteeId { get => null; set => UnitId ??= value; }

    public DateOnly? Date { get; set; }

    /// <summary>Metric code → value.</summary>
    public Dictionary<string, decimal>? Figures { get; set; }

    /// <summary>
    /// The codes of the figures sent that are estimates, not counts; each must be in <see cref="Figures"/>. Null keeps
    /// each existing figure's mark (a new one is counted).
    /// </summary>
    public List<string>? Estimated { get; set; }

    /// <summary>
    /// Metric code → the version read, for each figure that already exists (the concurrency token). A figure sent
    /// without a version must not exist yet: otherwise the save is refused (409) rather than overwriting it.
    /// </summary>
    public Dictionary<string, long>? Versions { get; set; }
}
