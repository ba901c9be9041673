namespace CampaignHub.Web.Domain;

/// <summary>What a notification tells its recipient; its text comes from the kind and its parameters.</summary>
public enum NotificationKind
{
    /// <summary>An admin sent the unit's submission back with a comment.</summary>
    SubmissionReturned,

    /// <summary>An admin approved the unit's submission.</summary>
    SubmissionApproved,

    /// <summary>An admin asked the unit to submit (from the completeness board).</summary>
    ReminderManual,

    /// <summary>The due date is near and the unit has not submitted.</summary>
    ReminderBeforeDue,

    /// <summary>The due date has passed and the unit has not submitted.</summary>
    ReminderOverdue,

    /// <summary>The recipient was put on an event's duty roster.</summary>
    DutyAssigned,

    /// <summary>The recipient's duty (role, shift) changed.</summary>
    DutyChanged,

    /// <summary>The recipient was taken off an event's duty roster.</summary>
    DutyRemoved,
}
