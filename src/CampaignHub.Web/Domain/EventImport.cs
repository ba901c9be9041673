namespace CampaignHub.Web.Domain;

/// <summary>
/// A spreadsheet imported into a campaign, known by the SHA-256 of its bytes: the same file sent twice (a double
/// click, a script retrying) is refused the second time instead of giving two copies of every event.
/// </summary>
public sealed class EventImport : ICreatedBy
{
    public const int FileNameMaxLength = 200;

    public int Id { get; set; }

    public int CampaignId { get; set; }

    /// <summary>Upper-case hex of the file's SHA-256.</summary>
    public required string ContentHash { get; set; }

    public string? FileName { get; set; }

    public int EventCount { get; set; }

    public DateTime CreatedAt { get; set; }

    public string? CreatedById { get; set; }
}
