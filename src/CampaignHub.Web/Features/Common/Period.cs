namespace CampaignHub.Web.Features.Common;

/// <summary>Inclusive date bounds as the half-open time range queries need.</summary>
public static class Period
{
    /// <summary>The first moment after <paramref name="to"/>; 9999-12-31 (a "no end" date) does not overflow.</summary>
    public static DateTime EndAfter(DateOnly to) =>
        to == DateOnly.MaxValue ? DateTime.MaxValue : to.AddDays(1).ToDateTime(TimeOnly.MinValue);
}
