namespace CampaignHub.Web.Domain;

/// <summary>What a block of a report draft is; its code travels in the draft's JSON and the API.</summary>
public enum ReportDraftBlockKind
{
    /// <summary>The opening paragraph(s): organiser, edition, theme, the campaign's description, the kinds of activity.</summary>
    Opening,

    /// <summary>A numbered narrative section: a heading and one or more events, told by their narratives or its own text.</summary>
    Section,

    /// <summary>The paragraph on the units' work, in sentences with examples.</summary>
    Units,

    /// <summary>A paragraph the author adds, with an optional heading.</summary>
    Paragraph,

    /// <summary>The totals paragraph: always written from the statistics at render time, never stored as text.</summary>
    Totals,

    /// <summary>The closing paragraph: the media that reported.</summary>
    Closing,
}
