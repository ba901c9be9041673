namespace CampaignHub.Web.Domain;

/// <summary>How the figures form and the report group metrics; stored by name.</summary>
public enum MetricGroup
{
    Participants,
    Materials,
    Beneficiaries,
    MediaReach,
    Screening,
    Training,
    Other,
}
