using CampaignHub.Web.Domain;

namespace CampaignHub.Web.Features.Reports.Drafts;

/// <summary>
/// A draft as its author submits it. Creating one names the report (period, unit, language; all optional, as
/// for the report itself) and may name a title; the blocks are written from the data. Saving one sends the title,
/// the blocks and the version read.
/// </summary>
public sealed class ReportDraftInput
{
    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    public int? UnitId { get; set; }

    /// <summary><see cref="UnitId"/> under its name from before units of other kinds joined the committees; accepted, never written.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public int? CommitteeId { get => null; set => UnitId ??= value; }

    public string? Lang { get; set; }

    public string? Title { get; set; }

    /// <summary>The blocks in order; null when creating (the draft starts from the data).</summary>
    public List<ReportDraftBlock>? Blocks { get; set; }

    /// <summary>The version the change is based on (the concurrency token); required to save.</summary>
    public long? Version { get; set; }
}
