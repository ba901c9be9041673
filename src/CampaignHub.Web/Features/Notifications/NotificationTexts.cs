using System.Globalization;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Common;
using CampaignHub.Web.Features.Duties;
using Microsoft.Extensions.Localization;

namespace CampaignHub.Web.Features.Notifications;

/// <summary>A notification's words: a title (the e-mail's subject) and a body.</summary>
public sealed record NotificationText(string Title, string Body);

/// <summary>
/// The one place a notification's kind and parameters become words, for the bell's list (in the reader's language
/// now) and for e-mails (in the recipient's chosen language, <see cref="InLanguage{T}"/>).
/// </summary>
public static class NotificationTexts
{
    public static NotificationText Render(IStringLocalizer localizer, NotificationKind kind, IReadOnlyDictionary<string, string> p)
    {
        string Get(string key) => p.TryGetValue(key, out var v) ? v : "";
        string Named(string key) => UiLanguage.Pick(Get(key), p.TryGetValue(key + "_en", out var en) ? en : null);
        var period = Named(NotificationParameters.Period);
        var unit = Named(NotificationParameters.Unit);
        var title = Named(NotificationParameters.Event);
        return kind switch
        {
            NotificationKind.SubmissionReturned => new(
                string.Format(localizer["Notification_Returned_Title"], unit, period),
                string.Format(localizer["Notification_Returned_Body"], unit, period, Subject(localizer, title, Named(NotificationParameters.Metric)), Get(NotificationParameters.Comment))),
            NotificationKind.SubmissionApproved => new(
                string.Format(localizer["Notification_Approved_Title"], unit, period),
                string.Format(localizer["Notification_Approved_Body"], unit, period)),
            NotificationKind.ReminderManual => new(
                string.Format(localizer["Notification_Reminder_Title"], unit, period),
                string.Format(localizer["Notification_Reminder_Body"], unit, period, Get(NotificationParameters.DueDate))),
            NotificationKind.ReminderBeforeDue => new(
                string.Format(localizer["Notification_ReminderBeforeDue_Title"], unit, period, Get(NotificationParameters.DueDate)),
                string.Format(localizer["Notification_Reminder_Body"], unit, period, Get(NotificationParameters.DueDate))),
            NotificationKind.ReminderOverdue => new(
                string.Format(localizer["Notification_ReminderOverdue_Title"], unit, period),
                string.Format(localizer["Notification_ReminderOverdue_Body"], unit, period, Get(NotificationParameters.DueDate))),
            NotificationKind.DutyAssigned or NotificationKind.DutyChanged or NotificationKind.DutyRemoved => new(
                string.Format(localizer[$"Notification_{kind}_Title"], title),
                string.Format(localizer[$"Notification_{kind}_Body"], title, Role(localizer, Get(NotificationParameters.Role)),
                    Get(NotificationParameters.Start), Get(NotificationParameters.End))),
            _ => new(kind.ToString(), ""),
        };
    }

    /// <summary>What a returned comment is about: an event's figure, an event, a figure, or the whole submission.</summary>
    private static string Subject(IStringLocalizer localizer, string eventTitle, string metric) =>
        (eventTitle.Length > 0, metric.Length > 0) switch
        {
            (true, true) => string.Format(localizer["Notification_Returned_OnEventFigure"], eventTitle, metric),
            (true, false) => string.Format(localizer["Notification_Returned_OnEvent"], eventTitle),
            (false, true) => string.Format(localizer["Notification_Returned_OnFigure"], metric),
            _ => localizer["Notification_Returned_OnSubmission"],
        };

    private static string Role(IStringLocalizer localizer, string code) =>
        Codes<DutyRole>.TryParse(code, out var role) ? DutyTexts.Role(localizer, role) : code;

    /// <summary>Runs <paramref name="render"/> with the UI culture of <paramref name="language"/> (zh-CN when none is chosen).</summary>
    public static T InLanguage<T>(string? language, Func<T> render)
    {
        var before = CultureInfo.CurrentUICulture;
        var beforeCulture = CultureInfo.CurrentCulture;
        var culture = new CultureInfo(language == "en" ? "en" : "zh-CN");
        CultureInfo.CurrentUICulture = culture;
        CultureInfo.CurrentCulture = culture;
        try
        {
            return render();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
            CultureInfo.CurrentCulture = beforeCulture;
        }
    }
}
