namespace CampaignHub.Web.Domain;

/// <summary>
/// The form of a campaign in the seeds: the prevention week (000), a programme's yearly edition (001), a roadshow
/// (002), a project with regions, partner sites and outcomes (003), a screening programme (004). The form sets the
/// report's words ("本届主题为…" for a week, "该项目旨在…" for a project); the rules are the same for all.
/// </summary>
public enum CampaignForm
{
    PreventionWeek,
    ProgrammeEdition,
    Roadshow,
    Project,
    ScreeningProgramme,
    Other,
}
