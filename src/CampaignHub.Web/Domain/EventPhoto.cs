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

    /// <summary>
    /// The copy a report embeds: a JPEG of at most 1,600 pixels on its long side, made at upload
    /// (<c>PhotoImages.ReportCopy</c>) so rendering a report never decodes a camera's full-size photo. Null for
    /// photos stored before it existed.
    /// </summary>
    [NotAudited]
    public byte[]? ReportImage { get; set; }

    public string? Caption { get; set; }

    public DateTime UploadedAt { get; set; }

    // A photo is created by its upload; the stored column keeps its own name.
    DateTime ICreated.CreatedAt { get => UploadedAt; set => UploadedAt = value; }
}
