namespace CampaignHub.Web.Domain;

/// <summary>A photo of an event, kept in the database so backups and several instances need no shared disk.</summary>
public sealed class EventPhoto
{
    public int Id { get; set; }

    public int EventId { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public int Length { get; set; }

    public required byte[] Content { get; set; }

    public string? Caption { get; set; }

    public DateTime UploadedAt { get; set; }
}
