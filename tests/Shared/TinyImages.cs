using SkiaSharp;

namespace CampaignHub.Testing;

/// <summary>Real, decodable images of a few pixels in each format a photo may have.</summary>
public static class TinyImages
{
    public static byte[] Png => Encode(SKEncodedImageFormat.Png);

    public static byte[] Jpeg => Encode(SKEncodedImageFormat.Jpeg);

    public static byte[] Webp => Encode(SKEncodedImageFormat.Webp);

    /// <summary>The classic 1 × 1 GIF (Skia decodes GIF but cannot write it).</summary>
    public static byte[] Gif { get; } = Convert.FromBase64String("R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==");

    /// <summary>A photo of <paramref name="width"/> × <paramref name="height"/> pixels, a gradient so JPEG has something to keep.</summary>
    public static byte[] Photo(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint { Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, height), [SKColors.Red, SKColors.Blue], SKShaderTileMode.Clamp) })
        {
            canvas.DrawRect(0, 0, width, height, paint);
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }

    private static byte[] Encode(SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(2, 2);
        bitmap.Erase(SKColors.SteelBlue);
        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }
}
