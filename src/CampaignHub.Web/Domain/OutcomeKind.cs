namespace CampaignHub.Web.Domain;

/// <summary>
/// How an outcome's value is known: computed from logged figures (numerator metric ÷ denominator metric over the
/// report's period) or measured (a survey's or follow-up's rate, with its sample size, method and date).
/// </summary>
public enum OutcomeKind
{
    Measured,
    Computed,
}
