using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CampaignHub.Web.Features.Notifications;

/// <summary>
/// Adds notifications (and, when SMTP is set up, their e-mails to the outgoing queue) to the context of the step
/// they tell of: a service calls it before its own save, so the step, its notifications and its e-mails are stored
/// together or not at all. Nothing is sent here; the mail sender sends later, off the request path.
/// </summary>
public sealed class Notifier(
    IOptions<SmtpSettings> smtp,
    IStringLocalizer<SharedResource> localizer,
    TimeProvider time,
    PublicAddress address)
{
    private sealed record Recipient(string UserId, string? Email, string? DisplayName, string? Language);

    /// <summary>Notifies the coordinators of <paramref name="unitId"/> (accounts an admin locked are left out).</summary>
    public async Task<int> NotifyUnitAsync(
        CampaignHubDbContext db, int unitId, NotificationKind kind, IReadOnlyDictionary<string, string?> parameters, string? link, CancellationToken cancellationToken)
    {
        var people = await db.UnitCoordinators.AsNoTracking().Where(c => c.UnitId == unitId)
            .Select(c => new { c.User!.Id, c.User.Email, c.User.DisplayName, c.User.Language, c.User.LockoutEnd })
            .ToListAsync(cancellationToken);
        var recipients = people.Where(p => !ApplicationUser.IsLockedByAdmin(p.LockoutEnd))
            .OrderBy(p => p.Id, StringComparer.Ordinal)
            .Select(p => new Recipient(p.Id, p.Email, p.DisplayName, p.Language)).ToList();
        Add(db, recipients, kind, parameters, link);
        return recipients.Count;
    }

    /// <summary>Notifies one person.</summary>
    public async Task NotifyUserAsync(
        CampaignHubDbContext db, string userId, NotificationKind kind, IReadOnlyDictionary<string, string?> parameters, string? link, CancellationToken cancellationToken)
    {
        var person = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.Language, u.LockoutEnd }).FirstOrDefaultAsync(cancellationToken);
        if (person is not null && !ApplicationUser.IsLockedByAdmin(person.LockoutEnd))
        {
            Add(db, [new Recipient(person.Id, person.Email, person.DisplayName, person.Language)], kind, parameters, link);
        }
    }

    private void Add(CampaignHubDbContext db, IReadOnlyList<Recipient> recipients, NotificationKind kind, IReadOnlyDictionary<string, string?> parameters, string? link)
    {
        var json = NotificationParameters.ToJson(parameters);
        var values = NotificationParameters.FromJson(json);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var recipient in recipients)
        {
            var notification = new Notification { UserId = recipient.UserId, Kind = kind, Parameters = json, Link = link };
            db.Notifications.Add(notification);
            if (!smtp.Value.IsConfigured || string.IsNullOrWhiteSpace(recipient.Email))
            {
                continue;
            }

            var (subject, body) = NotificationTexts.InLanguage(recipient.Language, () =>
            {
                var text = NotificationTexts.Render(localizer, kind, values);
                var parts = new List<string> { text.Body };
                if (link is not null)
                {
                    parts.Add(address.BaseUri is { } baseUri ? baseUri.ToString().TrimEnd('/') + link : link);
                }

                parts.Add("— " + localizer["Notification_Email_Footer"]);
                return (text.Title, string.Join("\n\n", parts));
            });
            db.OutgoingEmails.Add(new OutgoingEmail
            {
                Notification = notification,
                ToAddress = recipient.Email,
                ToName = recipient.DisplayName,
                Subject = Cap(subject, NotificationLimits.SubjectMaxLength),
                Body = Cap(body, NotificationLimits.BodyMaxLength),
                NextAttemptAt = now,
            });
        }
    }

    private static string Cap(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
