namespace CampaignHub.Web.Domain;

/// <summary>
/// What an organisation does in a campaign: organises it (主办), hosts it (承办: carries it out for the organisers),
/// co-organises it (协办) or takes part as a partner site (协作单位).
/// </summary>
public enum OrganiserRole
{
    Organiser,
    CoOrganiser,
    PartnerSite,
    Host,
}
