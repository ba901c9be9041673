namespace CampaignHub.Web.Features.Duties;

/// <summary>The person is also on duty at another event at an overlapping time: which event, and their shift there.</summary>
public sealed record DutyWarning(int EventId, string EventTitle, DateTime Start, DateTime End, string Message);
