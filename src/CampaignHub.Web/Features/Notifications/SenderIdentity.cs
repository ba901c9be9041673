namespace CampaignHub.Web.Features.Notifications;

/// <summary>
/// This app instance's name on the claims it takes (reminders, e-mails): machine, process and a random part, so two
/// instances in one process (tests) or two containers with one host name never pass for each other.
/// </summary>
public sealed class SenderIdentity
{
    public SenderIdentity()
    {
        var machine = Environment.MachineName.Length > 100 ? Environment.MachineName[..100] : Environment.MachineName;
        Name = $"{machine}/{Environment.ProcessId}/{Guid.NewGuid():N}";
    }

    public string Name { get; }
}
