namespace CampaignHub.Web.Domain;

/// <summary>What a coordinator is asked to look at before submitting a period: warnings, never a block.</summary>
public enum ChecklistItemKind
{
    /// <summary>The event is over but still planned or confirmed: held, or cancelled?</summary>
    PastEventNotHeld,

    HeldWithoutFigures,

    /// <summary>A highlighted event gets a section of the report; it has nothing to tell.</summary>
    HighlightWithoutNarrative,

    HighlightWithoutPhotos,

    /// <summary>A figure far from the unit's and the campaign's usual (the data-quality rules add these).</summary>
    UnusualFigure,
}
