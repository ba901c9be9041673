namespace CampaignHub.Web.Domain;

/// <summary>
/// One message in a person's in-app list (the bell): what happened (<see cref="Kind"/>) and the names and values its
/// text needs (<see cref="Parameters"/>, JSON, names in both languages), so it reads in whichever language the person
/// uses when they open it. Made in the same transaction as the step it tells of.
/// </summary>
public sealed class Notification : ICreated
{
    public long Id { get; set; }

    public required string UserId { get; set; }

    public ApplicationUser? User { get; set; }

    public NotificationKind Kind { get; set; }

    /// <summary>Text parameters as a JSON object of strings (<c>NotificationParameters</c>).</summary>
    public required string Parameters { get; set; }

    /// <summary>The app-relative page the notification opens (the submission, the event).</summary>
    public string? Link { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>When the person read it (UTC); null while unread.</summary>
    public DateTime? ReadAt { get; set; }
}
