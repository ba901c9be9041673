namespace CampaignHub.Web.Domain;

public enum OrganisationKind
{
    Association,
    Hospital,
    Campus,
    WomensFederation,
    Foundation,
    CdcOffice,
    Media,
    Government,
    Other,
}
