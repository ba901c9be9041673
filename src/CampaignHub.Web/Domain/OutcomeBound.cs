namespace CampaignHub.Web.Domain;

/// <summary>How exactly a measured rate is stated: 47.8%, 超过70% (more than), 约50% (about).</summary>
public enum OutcomeBound
{
    Exact,
    MoreThan,
    About,
}
