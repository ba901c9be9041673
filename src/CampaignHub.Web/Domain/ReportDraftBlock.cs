namespace CampaignHub.Web.Domain;

/// <summary>
/// One block of a <see cref="ReportDraft"/>, stored with the others as JSON. Text may hold fields bound to the data
/// (<c>{metric:reach_wechat}</c>, <c>{events:lecture:online}</c>): they are evaluated at every render, so the
/// numbers stay live. A section names its events by id; events deleted or cancelled since simply drop out.
/// </summary>
public sealed class ReportDraftBlock
{
    public ReportDraftBlockKind Kind { get; set; }

    /// <summary>A section's or free paragraph's heading; null: a section is headed by its group or event title.</summary>
    public string? Heading { get; set; }

    /// <summary>The block's own text; for a section, null tells its events' narratives instead.</summary>
    public string? Text { get; set; }

    /// <summary>A section's events, in the order they are told.</summary>
    public List<int> EventIds { get; set => field = value ?? []; } = [];

    /// <summary>A section's line of when, what, where and who under its heading.</summary>
    public bool ShowFacts { get; set; }

    /// <summary>A section's line of its events' own figures.</summary>
    public bool ShowFigures { get; set; }

    /// <summary>
    /// A roadshow stop's programme, told from the data under the section's story: host and date, the visiting team,
    /// speeches, talks by title, who chaired and discussed, patients served, the handover to the next host.
    /// </summary>
    public bool ShowProgramme { get; set; }

    public bool ShowPhotos { get; set; } = true;
}
