namespace CampaignHub.Web.Data;

/// <summary>The signed-in user a change is recorded against.</summary>
public sealed record AuditActor(string UserId, string? Email);
