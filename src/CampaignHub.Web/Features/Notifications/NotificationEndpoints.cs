using CampaignHub.Web.Features.Api;

namespace CampaignHub.Web.Features.Notifications;

public static class NotificationEndpoints
{
    public static RouteGroupBuilder MapNotificationEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("").WithTags("Notifications");

        group.MapGet("/notifications", (bool? unread, int? take, ApiActor caller, NotificationService notifications, CancellationToken cancellationToken) =>
                notifications.ListAsync(caller.Actor, unread ?? false, take, cancellationToken))
            .ProducesValidationProblem()
            .WithSummary("The caller's own notifications, newest first, in the caller's language (Accept-Language): {unread, items: [{id, kind, "
                         + "title, body, link, createdAt, read}]}; kind one of submission_returned, submission_approved, reminder_manual, "
                         + "reminder_before_due, reminder_overdue, duty_assigned, duty_changed, duty_removed. ?unread=true lists unread ones only; "
                         + "take 1–200 (default 50).");

        group.MapPost("/notifications/{id:long}/read", async (long id, ApiActor caller, NotificationService notifications, CancellationToken cancellationToken) =>
                TypedResults.Ok(new { unread = await notifications.MarkReadAsync(caller.Actor, id, cancellationToken) }))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Marks one of the caller's notifications read; {unread} left. Someone else's notification is a 404.");

        group.MapPost("/notifications/read-all", async (ApiActor caller, NotificationService notifications, CancellationToken cancellationToken) =>
                TypedResults.Ok(new { marked = await notifications.MarkAllReadAsync(caller.Actor, cancellationToken) }))
            .WithSummary("Marks all the caller's notifications read; {marked}: how many were unread.");

        group.MapGet("/admin/mail", (ApiActor caller, MailStatusService mail, CancellationToken cancellationToken) =>
                mail.GetAsync(caller.Actor, cancellationToken))
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("E-mail delivery for admins: {configured, server (host:port), waiting, failing, sentLastDay, failures: [{id, to, subject, "
                         + "attempts, lastAttemptAt, lastError, nextAttemptAt, givenUp}]}. The SMTP user name and password are never shown.");
        return api;
    }
}
