namespace CampaignHub.Web.Domain;

/// <summary>A photo of an event, kept in the database so backups and several instances need no shared disk.</summary>
public sealed class EventPhoto : IAudited, ICreated
{
    public int Id { get; set; }

    public int EventId { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public int Length { get; set; }

    [NotAudited]
    public required byte[] Content { get; set; }

    public string? Caption { get; set; }

    public DateTime UploadedAt { get; set; }

    // A photo is created by its upload; the stored column keeps its own name.
    DateTime ICreated.CreatedAt { get => UploadedAt; set => UploadedAt = value; }
}
