using Microsoft.AspNetCore.Identity;

namespace CampaignHub.Web.Domain;

/// <summary>A person who signs in: association admin, committee coordinator or hospital staff.</summary>
public sealed class ApplicationUser : IdentityUser
{
    /// <summary>Name shown in the app bar, rosters and reports; falls back to the e-mail when empty.</summary>
    [PersonalData]
    public string? DisplayName { get; set; }

    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
}
