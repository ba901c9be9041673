using Microsoft.Extensions.Options;

namespace CampaignHub.Web.Features.Notifications;

/// <summary>
/// The background delivery of this instance: every <see cref="NotificationSettings.PollSeconds"/> it delivers due
/// reminders (<see cref="ReminderSender"/>) and sends queued e-mails (<see cref="MailSender"/>). A failure is logged
/// and the next pass tries again; requests never wait on it. Several instances may run it side by side: both senders
/// claim their rows in the database.
/// </summary>
public sealed class NotificationDelivery(
    IServiceScopeFactory scopes,
    IOptions<NotificationSettings> settings,
    ILogger<NotificationDelivery> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.Value.Background)
        {
            return;
        }

        var every = TimeSpan.FromSeconds(Math.Max(1, settings.Value.PollSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ReminderSender>().RunOnceAsync(stoppingToken);
                await scope.ServiceProvider.GetRequiredService<MailSender>().SendDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Notification delivery pass failed; the next pass tries again");
            }

            try
            {
                await Task.Delay(every, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
