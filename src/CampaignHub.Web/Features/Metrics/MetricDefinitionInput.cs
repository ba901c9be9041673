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
}
