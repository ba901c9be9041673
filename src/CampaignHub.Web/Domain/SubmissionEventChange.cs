namespace CampaignHub.Web.Domain;

/// <summary>How an event differs from the submitted snapshot.</summary>
public enum SubmissionEventChange
{
    None,
    Added,
    Changed,
    Removed,
}
