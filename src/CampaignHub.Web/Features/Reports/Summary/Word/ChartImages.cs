using System.Globalization;
using SkiaSharp;

namespace CampaignHub.Web.Features.Reports.Summary.Word;

/// <summary>
/// The report's charts as PNG images for the Word file, drawn to the same layout as the SVG charts of the HTML
/// document (<see cref="DailyColumnChart"/>, <see cref="HorizontalBarChart"/>) at twice their size, so they print
/// sharp. Labels use a font that has Chinese glyphs.
/// </summary>
public static class ChartImages
{
    private const float Width = 640;
    private const float Scale = 2;

    private static readonly Lazy<SKTypeface> Face = new(() =>
        SKFontManager.Default.MatchCharacter('中') ?? SKTypeface.FromFamilyName("Noto Sans CJK SC") ?? SKTypeface.Default);

    /// <summary>The PNG and its size in the chart's units (pixels at 96 dpi before scaling).</summary>
    public static (byte[] Png, float Width, float Height) Render(ReportChart chart) =>
        chart.Shape == ReportChartShape.Columns ? Columns(chart) : Bars(chart);

    private static (byte[], float, float) Columns(ReportChart chart)
    {
        const float height = 230, axisWidth = 44, bottomHeight = 22;
        return Draw(height, (canvas, font, small) =>
        {
            var top = 6 + Legend(canvas, small, chart, axisWidth);
            var bottom = height - bottomHeight;
            var max = ChartScale.NiceMax(chart.Bars.Max(b => b.Total));
            for (var step = 0; step <= 4; step++)
            {
                var y = bottom - (bottom - top) * step / 4;
                Line(canvas, axisWidth, y, Width, y, step == 0 ? 0xFF888888 : 0xFFE4E4E4);
                Text(canvas, small, F(max * step / 4), axisWidth - 4, y + 4, SKTextAlign.Right, 0xFF444444);
            }

            var slot = (Width - axisWidth) / chart.Bars.Count;
            var every = (int)Math.Ceiling(chart.Bars.Count / 16.0);
            for (var i = 0; i < chart.Bars.Count; i++)
            {
                var bar = chart.Bars[i];
                var x = axisWidth + i * slot + slot * 0.15f;
                var y = bottom;
                for (var s = 0; s < bar.Values.Count && s < chart.Series.Count; s++)
                {
                    var h = (float)((bottom - top) * (double)bar.Values[s] / max);
                    y -= h;
                    Rect(canvas, x, y, slot * 0.7f, h, chart.Series[s].Color);
                }

                if (bar.Total > 0 && slot >= 18)
                {
                    Text(canvas, small, ReportTexts.Number(bar.Total), x + slot * 0.35f, y - 3, SKTextAlign.Center, 0xFF222222);
                }

                if (i % every == 0)
                {
                    Text(canvas, small, bar.Label, x + slot * 0.35f, height - 6, SKTextAlign.Center, 0xFF444444);
                }
            }
        });
    }

    private static (byte[], float, float) Bars(ReportChart chart)
    {
        const float labelWidth = 190, valueWidth = 70, rowHeight = 22;
        var bars = chart.Bars.Where(b => b.Total > 0).ToList();
        var top = chart.Series.Count > 1 ? 24f : 4f;
        var height = top + bars.Count * rowHeight + 4;
        return Draw(height, (canvas, font, small) =>
        {
            Legend(canvas, small, chart, labelWidth);
            var max = (double)bars.Max(b => b.Total);
            var area = Width - labelWidth - valueWidth;
            for (var i = 0; i < bars.Count; i++)
            {
                var y = top + i * rowHeight;
                var label = bars[i].Label.Length <= 16 ? bars[i].Label : bars[i].Label[..15] + "…";
                Text(canvas, font, label, labelWidth - 6, y + 15, SKTextAlign.Right, 0xFF111111);
                var x = labelWidth;
                for (var s = 0; s < bars[i].Values.Count && s < chart.Series.Count; s++)
                {
                    var w = (float)(area * (double)bars[i].Values[s] / max);
                    Rect(canvas, x, y + 3, w, rowHeight - 6, chart.Series[s].Color);
                    x += w;
                }

                Text(canvas, small, ReportTexts.Number(bars[i].Total), x + 4, y + 15, SKTextAlign.Left, 0xFF222222);
            }
        });
    }

    private static (byte[], float, float) Draw(float height, Action<SKCanvas, SKFont, SKFont> draw)
    {
        var info = new SKImageInfo((int)(Width * Scale), (int)Math.Ceiling(height * Scale));
        using var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        canvas.Scale(Scale);
        using var font = new SKFont(Face.Value, 11);
        using var small = new SKFont(Face.Value, 10);
        draw(canvas, font, small);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return (data.ToArray(), Width, height);
    }

    private static float Legend(SKCanvas canvas, SKFont font, ReportChart chart, float x)
    {
        if (chart.Series.Count < 2)
        {
            return 0;
        }

        foreach (var series in chart.Series)
        {
            Rect(canvas, x, 4, 10, 10, series.Color);
            Text(canvas, font, series.Name, x + 14, 13, SKTextAlign.Left, 0xFF444444);
            x += 24 + font.MeasureText(series.Name);
        }

        return 22;
    }

    private static void Rect(SKCanvas canvas, float x, float y, float width, float height, string color)
    {
        using var paint = new SKPaint { Color = SKColor.Parse(color), IsAntialias = true, Style = SKPaintStyle.Fill };
        canvas.DrawRect(x, y, Math.Max(width, 0), Math.Max(height, 0), paint);
    }

    private static void Line(SKCanvas canvas, float x1, float y1, float x2, float y2, uint color)
    {
        using var paint = new SKPaint { Color = new SKColor(color), StrokeWidth = 1, IsAntialias = true, Style = SKPaintStyle.Stroke };
        canvas.DrawLine(x1, y1, x2, y2, paint);
    }

    private static void Text(SKCanvas canvas, SKFont font, string text, float x, float y, SKTextAlign align, uint color)
    {
        using var paint = new SKPaint { Color = new SKColor(color), IsAntialias = true };
        canvas.DrawText(text, x, y, align, font, paint);
    }

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
