namespace CampaignHub.Web.Domain;

/// <summary>
/// How many days a tally row covers: a day, or a whole calendar month (dated its first day; the sum of its days'
/// rows), so that totals over months and years read a dozen rows a month instead of one per day.
/// </summary>
public enum TallySpan
{
    Day,
    Month,
}
