namespace CampaignHub.Web.Domain;

/// <summary>
/// A participating unit: a specialist committee (专委会) of the association, a hospital department, a partner hospital
/// or site, a party branch or an expert team. Its coordinators log its events; permissions are scoped by unit.
/// </summary>
public sealed class Unit : IVersioned, IAudited
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public string? NameEn { get; set; }

    public UnitKind Kind { get; set; } = UnitKind.Committee;

    /// <summary>The organisation the unit is or belongs to: a department's hospital, a partner site's hospital.</summary>
    public int? OrganisationId { get; set; }

    public Organisation? Organisation { get; set; }

    public List<UnitCoordinator> Coordinators { get; set; } = [];

    public long Version { get; set; }
}
