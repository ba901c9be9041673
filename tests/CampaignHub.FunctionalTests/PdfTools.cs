using System.Diagnostics;
using System.Text.RegularExpressions;

namespace CampaignHub.FunctionalTests;

/// <summary>Reads PDFs the way a person would: poppler's pdftotext, pdfinfo and pdfimages (poppler-utils).</summary>
public static partial class PdfTools
{
    /// <summary>The text in content order (-raw), so a title wrapped over two lines of a table cell stays together.</summary>
    public static Task<string> TextAsync(byte[] pdf) => RunAsync("pdftotext", pdf, "-raw", "-enc", "UTF-8", "{file}", "-");

    /// <summary>
    /// The text with all white space removed: a cell's text may wrap anywhere, and Chromium places Latin words
    /// glyph by glyph, so pdftotext does not always see the spaces between them. Compare with <see cref="Compact"/>.
    /// </summary>
    public static async Task<string> CompactTextAsync(byte[] pdf) => Compact(await TextAsync(pdf));

    public static string Compact(string text) => WhiteSpace().Replace(text, "");

    /// <summary>The text of each page in reading order (-layout), as pdftotext separates them by form feeds.</summary>
    public static async Task<IReadOnlyList<string>> PageTextsAsync(byte[] pdf)
    {
        var pages = (await RunAsync("pdftotext", pdf, "-layout", "-enc", "UTF-8", "{file}", "-")).Split('\f').ToList();
        // The last form feed ends the last page.
        if (pages.Count > 1 && string.IsNullOrWhiteSpace(pages[^1]))
        {
            pages.RemoveAt(pages.Count - 1);
        }

        return pages;
    }

    /// <summary>The embedded fonts as pdffonts lists them: name (with its subset prefix) and type ("CID TrueType", "Type 3"...).</summary>
    public static async Task<IReadOnlyList<(string Name, string Type)>> FontsAsync(byte[] pdf)
    {
        var lines = (await RunAsync("pdffonts", pdf, "{file}")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // Two header lines; the dashes of the second mark the columns (name, type, encoding, emb, sub, uni, object).
        var columns = lines[1].Split(' ');
        var nameWidth = columns[0].Length + 1;
        var typeWidth = columns[1].Length + 1;
        return lines.Skip(2)
            .Select(line => (line[..nameWidth].Trim(), line.Substring(nameWidth, typeWidth).Trim()))
            .ToList();
    }

    public static async Task<int> PageCountAsync(byte[] pdf)
    {
        var info = await RunAsync("pdfinfo", pdf, "{file}");
        return int.Parse(PagesLine().Match(info).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>"595.92 x 842.88 pts (A4)" or similar, from pdfinfo.</summary>
    public static async Task<string> PageSizeAsync(byte[] pdf) => SizeLine().Match(await RunAsync("pdfinfo", pdf, "{file}")).Groups[1].Value;

    /// <summary>The embedded images as pdfimages lists them: type ("image", "smask"...), width and height in pixels.</summary>
    public static async Task<IReadOnlyList<(string Type, int Width, int Height)>> ImagesAsync(byte[] pdf)
    {
        var list = await RunAsync("pdfimages", pdf, "-list", "{file}");
        // Two header lines, then one line per image: page num type width height ...
        return list.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(f => (f[2], int.Parse(f[3], System.Globalization.CultureInfo.InvariantCulture), int.Parse(f[4], System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
    }

    private static async Task<string> RunAsync(string tool, byte[] pdf, params string[] args)
    {
        var file = Path.Combine(Path.GetTempPath(), $"campaignhub-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg == "{file}" ? file : arg);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            process.ExitCode.ShouldBe(0, $"{tool} failed: {await error}");
            return await output;
        }
        finally
        {
            File.Delete(file);
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"^Pages:\s+(\d+)", RegexOptions.Multiline)]
    private static partial Regex PagesLine();

    [GeneratedRegex(@"^Page size:\s+(.+)$", RegexOptions.Multiline)]
    private static partial Regex SizeLine();
}
