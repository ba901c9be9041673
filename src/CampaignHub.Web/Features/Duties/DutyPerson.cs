namespace CampaignHub.Web.Features.Duties;

/// <summary>Someone who can be put on duty, as the picker lists them.</summary>
public sealed record DutyPerson(string Id, string? Email, string? DisplayName)
{
    public string Name => string.IsNullOrWhiteSpace(DisplayName) ? Email ?? Id : DisplayName;

    /// <summary>"王医生 (wang@example.org)", or the e-mail alone.</summary>
    public override string ToString() =>
        string.IsNullOrWhiteSpace(DisplayName) || Email is null ? Name : $"{DisplayName} ({Email})";
}
