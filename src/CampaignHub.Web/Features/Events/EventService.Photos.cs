using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Common;
using CampaignHub.Web.Features.Reports.Locks;
using Microsoft.EntityFrameworkCore;

namespace CampaignHub.Web.Features.Events;

/// <summary>An event's photos: part of the event, so the same people may change them, and not while a report locks it.</summary>
public sealed partial class EventService
{
    /// <summary>
    /// Adds a photo to an event for those who may change the event. At most <see cref="PhotoRules.MaxBytes"/>, and
    /// only JPEG, PNG, WebP or GIF as the bytes prove; errors are named <c>photo</c> and <c>caption</c>.
    /// Photos do not change the event's version: adding one never conflicts with someone editing the event.
    /// </summary>
    public async Task<PhotoDetails> AddPhotoAsync(Actor actor, int eventId, string? fileName, Stream content, string? caption = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await RequireWritableEventAsync(db, actor, eventId, cancellationToken);

        // Reads one byte past the limit, so an oversized upload is recognised without reading all of it.
        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while (buffer.Length <= PhotoRules.MaxBytes
               && (read = await content.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, PhotoRules.MaxBytes + 1 - buffer.Length)), cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
        }

        var errors = new ValidationErrors();
        var bytes = buffer.ToArray();
        var contentType = PhotoRules.DetectContentType(bytes);
        if (bytes.Length == 0)
        {
            errors.Add("photo", localizer["Photo_Error_Empty"]);
        }
        else if (bytes.Length > PhotoRules.MaxBytes)
        {
            errors.Add("photo", string.Format(localizer["Photo_Error_TooLarge"], PhotoRules.MaxMegabytes));
        }
        else if (contentType is null)
        {
            errors.Add("photo", localizer["Photo_Error_NotImage"]);
        }

        // The header's pixel size, before a pixel is decoded or anything stored: a small file can be a huge image.
        byte[]? reportImage = null;
        if (errors.IsEmpty)
        {
            var size = PhotoImages.ReadSize(bytes);
            if (size is null)
            {
                errors.Add("photo", localizer["Photo_Error_NotImage"]);
            }
            else if (!size.IsWithinLimits)
            {
                errors.Add("photo", string.Format(localizer["Photo_Error_TooManyPixels"], size.Width, size.Height,
                    PhotoImages.MaxSide, PhotoImages.MaxPixels / 1_000_000));
            }
            else if ((reportImage = PhotoImages.ReportCopy(bytes)) is null)
            {
                errors.Add("photo", localizer["Photo_Error_NotImage"]);
            }
        }

        if (caption?.Trim().Length > EventLimits.PhotoCaptionMaxLength)
        {
            errors.Add("caption", string.Format(localizer["Error_TooLong"], EventLimits.PhotoCaptionMaxLength));
        }

        errors.ThrowIfAny();
        var name = Path.GetFileName(fileName?.Replace('\\', '/') ?? "").Trim();
        var photo = new EventPhoto
        {
            EventId = eventId,
            FileName = string.IsNullOrEmpty(name) ? "photo" : name.Length > EventLimits.PhotoFileNameMaxLength ? name[^EventLimits.PhotoFileNameMaxLength..] : name,
            ContentType = contentType!,
            Length = bytes.Length,
            Content = bytes,
            ReportImage = reportImage,
            Caption = Clean(caption),
        };
        db.EventPhotos.Add(photo);
        await db.SaveChangesAsync(cancellationToken);
        return new PhotoDetails(photo.Id, photo.FileName, photo.Length, photo.Caption);
    }

    public async Task DeletePhotoAsync(Actor actor, int eventId, int photoId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await RequireWritableEventAsync(db, actor, eventId, cancellationToken);
        var photo = await db.EventPhotos.FirstOrDefaultAsync(p => p.Id == photoId && p.EventId == eventId, cancellationToken)
                    ?? throw new NotFoundException(string.Format(localizer["Photo_NotFound"], photoId));
        db.EventPhotos.Remove(photo);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A photo's bytes for display; every signed-in user may see the photos of every event.</summary>
    public async Task<PhotoFile?> GetPhotoAsync(int eventId, int photoId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.EventPhotos.AsNoTracking()
            .Where(p => p.Id == photoId && p.EventId == eventId)
            .Select(p => new PhotoFile(p.FileName, p.ContentType, p.Content))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Photos are part of the event: the same people may change them (and not while a report locks it: the save path refuses).</summary>
    private async Task RequireWritableEventAsync(CampaignHubDbContext db, Actor actor, int eventId, CancellationToken cancellationToken)
    {
        var units = await db.Events.AsNoTracking().Where(e => e.Id == eventId)
            .Select(e => e.Units.Select(c => c.UnitId).ToList())
            .FirstOrDefaultAsync(cancellationToken) ?? throw NotFound(eventId);
        RequireWriteAccess(actor, units);
    }
}
