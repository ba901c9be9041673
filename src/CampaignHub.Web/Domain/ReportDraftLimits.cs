namespace CampaignHub.Web.Domain;

/// <summary>How large a report draft may be: the database columns, the service's rules and the editor's inputs read these.</summary>
public static class ReportDraftLimits
{
    public const int TitleMaxLength = 300;
    public const int HeadingMaxLength = 200;

    /// <summary>One block's text: as long as an event's narrative may be.</summary>
    public const int TextMaxLength = EventLimits.NarrativeMaxLength;

    /// <summary>All texts of one draft together.</summary>
    public const int TotalTextMaxLength = 200_000;

    public const int MaxBlocks = 200;
    public const int MaxEventsPerSection = 500;
    public const int MaxEvents = 2_000;
}
