namespace CampaignHub.Web.Domain;

/// <summary>The three roles of PRODUCT.md. Names are stored in the database: never rename them.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Coordinator = "Coordinator";
    public const string Staff = "Staff";

    public static IReadOnlyList<string> All { get; } = [Admin, Coordinator, Staff];

    /// <summary>Finds the canonical role name, ignoring case; null when there is no such role.</summary>
    public static string? Normalise(string? role) =>
        All.FirstOrDefault(r => string.Equals(r, role?.Trim(), StringComparison.OrdinalIgnoreCase));
}
