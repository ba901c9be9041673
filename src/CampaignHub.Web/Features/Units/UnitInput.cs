namespace CampaignHub.Web.Features.Units;

/// <summary>A unit as an admin or API caller submits it; coordinators are named by their e-mail.</summary>
public sealed class UnitInput
{
    public string? Name { get; set; }

    public string? NameEn { get; set; }

    /// <summary>The unit's kind code (committee, department, partner_site, party_branch, expert_team, other); none: committee.</summary>
    public string? Kind { get; set; }

    /// <summary>The organisation the unit is or belongs to (a department's hospital), optional.</summary>
    public int? OrganisationId { get; set; }

    /// <summary>E-mails of users in the Coordinator role; the list replaces the unit's coordinators.</summary>
    public List<string> CoordinatorEmails { get; set => field = value ?? []; } = []; // JSON null: none

    /// <summary>The version the change is based on (the concurrency token); required to update.</summary>
    public long? Version { get; set; }
}
