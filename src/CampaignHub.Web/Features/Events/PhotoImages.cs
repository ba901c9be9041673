using SkiaSharp;

namespace CampaignHub.Web.Features.Events;

/// <summary>
/// What a photo's pixels cost. A 109 KB PNG can declare 30,000 × 30,000 pixels (3.6 GB decoded), and 8000 × 8000
/// photos made one report PDF take 15 s and Chromium 2 GB: so the size is read from the image header before
/// anything is stored, and the report embeds a copy made once, at upload, small enough for any page.
/// </summary>
public static class PhotoImages
{
    public const int MaxSide = 12_000;

    public const long MaxPixels = 50_000_000;

    /// <summary>The long side of the copy a report embeds: sharp at A4 width, a few hundred KB.</summary>
    public const int ReportLongSide = 1_600;

    private const int ReportJpegQuality = 82;

    public sealed record Size(int Width, int Height)
    {
        public bool IsWithinLimits => Width is > 0 and <= MaxSide && Height is > 0 and <= MaxSide && (long)Width * Height <= MaxPixels;
    }

    /// <summary>The pixel size the header declares, without decoding a pixel; null when the bytes are no image Skia reads.</summary>
    public static Size? ReadSize(byte[] bytes)
    {
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        return codec is null ? null : new Size(codec.Info.Width, codec.Info.Height);
    }

    /// <summary>
    /// A JPEG of at most <see cref="ReportLongSide"/> pixels on its long side, turned upright as the camera meant
    /// (EXIF orientation), transparency on white. Null when the image cannot be decoded or is over the limits.
    /// </summary>
    public static byte[]? ReportCopy(byte[] bytes)
    {
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null || !new Size(codec.Info.Width, codec.Info.Height).IsWithinLimits)
        {
            return null;
        }

        // JPEG decodes at 1/2, 1/4 or 1/8 directly: an 8000 × 8000 photo never exists in memory at full size.
        var scale = Math.Min(1f, (float)ReportLongSide / Math.Max(codec.Info.Width, codec.Info.Height));
        var decoded = codec.GetScaledDimensions(scale);
        var info = new SKImageInfo(decoded.Width, decoded.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var source = new SKBitmap(info);
        var result = codec.GetPixels(info, source.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            return null;
        }

        var fit = Math.Min(1f, (float)ReportLongSide / Math.Max(decoded.Width, decoded.Height));
        var width = Math.Max(1, (int)Math.Round(decoded.Width * fit));
        var height = Math.Max(1, (int)Math.Round(decoded.Height * fit));
        var turned = codec.EncodedOrigin is SKEncodedOrigin.RightTop or SKEncodedOrigin.LeftBottom
            or SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightBottom;
        using var target = new SKBitmap(turned ? height : width, turned ? width : height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using (var canvas = new SKCanvas(target))
        {
            canvas.Clear(SKColors.White);
            Orient(canvas, codec.EncodedOrigin, target.Width, target.Height);
            using var image = SKImage.FromBitmap(source);
            canvas.DrawImage(image, new SKRect(0, 0, width, height), new SKSamplingOptions(SKCubicResampler.Mitchell));
        }

        using var encoded = target.Encode(SKEncodedImageFormat.Jpeg, ReportJpegQuality);
        return encoded?.ToArray();
    }

    /// <summary>Maps the stored pixels onto the upright picture (EXIF orientations 2-8).</summary>
    private static void Orient(SKCanvas canvas, SKEncodedOrigin origin, int width, int height)
    {
        switch (origin)
        {
            case SKEncodedOrigin.TopRight:
                canvas.Scale(-1, 1, width / 2f, 0);
                break;
            case SKEncodedOrigin.BottomRight:
                canvas.RotateDegrees(180, width / 2f, height / 2f);
                break;
            case SKEncodedOrigin.BottomLeft:
                canvas.Scale(1, -1, 0, height / 2f);
                break;
            case SKEncodedOrigin.LeftTop:
                canvas.RotateDegrees(90);
                canvas.Scale(1, -1);
                break;
            case SKEncodedOrigin.RightTop:
                canvas.Translate(width, 0);
                canvas.RotateDegrees(90);
                break;
            case SKEncodedOrigin.RightBottom:
                canvas.Translate(width, height);
                canvas.RotateDegrees(90);
                canvas.Scale(-1, 1);
                break;
            case SKEncodedOrigin.LeftBottom:
                canvas.Translate(0, height);
                canvas.RotateDegrees(-90);
                break;
        }
    }
}
