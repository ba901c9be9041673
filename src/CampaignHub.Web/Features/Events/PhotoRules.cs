namespace CampaignHub.Web.Features.Events;

/// <summary>
/// Which uploads are photos: at most <see cref="MaxBytes"/>, and JPEG, PNG, WebP or GIF judged by the file's first
/// bytes. The extension and the browser's content type are the uploader's claims and are never trusted.
/// </summary>
public static class PhotoRules
{
    public const int MaxBytes = 5 * 1024 * 1024;

    public const int MaxMegabytes = MaxBytes / 1024 / 1024;

    /// <summary>What the file picker offers; only a hint to the browser, the bytes decide.</summary>
    public const string Accept = "image/jpeg,image/png,image/webp,image/gif";

    /// <summary>The content type the bytes prove, or null when they are not one of the allowed images.</summary>
    public static string? DetectContentType(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return "image/jpeg";
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "image/png";
        }

        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return "image/gif";
        }

        // RIFF <4-byte size> WEBP
        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return "image/webp";
        }

        return null;
    }
}
