namespace CampaignHub.Web.Features.Committees;

/// <summary>A committee as an admin or API caller submits it; coordinators are named by their e-mail.</summary>
public sealed class CommitteeInput
{
    public string? Name { get; set; }

    public string? NameEn { get; set; }

    /// <summary>E-mails of users in the Coordinator role; the list replaces the committee's coordinators.</summary>
    public List<string> CoordinatorEmails { get; set => field = value ?? []; } = []; // JSON null: none

    /// <summary>The version the change is based on (the concurrency token); required to update.</summary>
    public long? Version { get; set; }
}
