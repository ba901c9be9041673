namespace CampaignHub.Web.Domain;

/// <summary>Why a unit is reminded of a period.</summary>
public enum ReminderKind
{
    /// <summary>An admin asked for it on the completeness board.</summary>
    Manual,

    /// <summary>The due date is near and the unit has not submitted.</summary>
    BeforeDue,

    /// <summary>The due date has passed and the unit has not submitted.</summary>
    Overdue,
}
