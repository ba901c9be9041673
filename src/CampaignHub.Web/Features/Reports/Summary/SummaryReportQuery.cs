namespace CampaignHub.Web.Features.Reports.Summary;

/// <summary>
/// Which report: a campaign, an inclusive period within it (default: the whole campaign), optionally one unit's
/// own summary, and the language (zh-CN or en; default: the reader's). Where the campaign has reporting periods in
/// the report's dates, <see cref="ApprovedOnly"/> counts only the units approved (or excused) in all of them; by
/// default everything counts and the report names the units not approved yet.
/// </summary>
public sealed record SummaryReportQuery(
    int CampaignId, DateOnly? From = null, DateOnly? To = null, int? UnitId = null, string? Language = null, bool ApprovedOnly = false);

/// <summary>A programme's report: the programme, an inclusive period (default: its campaigns' whole span), the language.</summary>
public sealed record ProgrammeReportQuery(int ProgrammeId, DateOnly? From = null, DateOnly? To = null, string? Language = null);
