using CampaignHub.Web.Features.Totals;

namespace CampaignHub.Web.Features.Programmes;

/// <summary>
/// A programme's roll-up over a period: the totals of all its campaigns and its sub-programmes' (with the previous
/// period and a year earlier when asked), each campaign's share, and the years with their running totals. The shape
/// of <c>GET /api/programmes/{id}/totals</c>; the programme's report prints the same.
/// </summary>
public sealed record ProgrammeTotals(
    int ProgrammeId,
    string Name,
    string? NameEn,
    DateOnly From,
    DateOnly To,
    CampaignTotals Totals,
    IReadOnlyList<ProgrammeCampaign> Campaigns,
    IReadOnlyList<ProgrammeYear> Years);

/// <summary>One campaign of the programme (an edition or a sub-project) and what it did in the period.</summary>
public sealed record ProgrammeCampaign(
    int CampaignId,
    string Name,
    string? NameEn,
    string? Edition,
    string? EditionEn,
    DateOnly StartDate,
    DateOnly EndDate,
    int ProgrammeId,
    int Events,
    int Upcoming,
    int Unconfirmed,
    decimal PeopleServed);

/// <summary>A year of the period: its counted events and people served, and the running totals from the period's start.</summary>
public sealed record ProgrammeYear(int Year, int Events, decimal PeopleServed, int CumulativeEvents, decimal CumulativePeopleServed);
