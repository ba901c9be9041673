namespace CampaignHub.Web.Domain;

/// <summary>
/// What kind of participating unit runs a campaign's work: the association's specialist committees (专委会) or a
/// hospital's departments, partner hospitals and sites, party branches and expert teams. The kind sets the words the
/// UI and the reports use for the unit (专委会 / 科室 / 协作单位 / 党支部 / 专家团队); the rules are the same for all.
/// </summary>
public enum UnitKind
{
    Committee,
    Department,
    PartnerSite,
    PartyBranch,
    ExpertTeam,
    Other,
}
