using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CampaignHub.FunctionalTests;

/// <summary>
/// Reads a summary report PDF as a reader would (pdftotext -layout) and finds its totals paragraph: the text between
/// the "总体数据"/"Totals" heading and the "数据表"/"Tables" heading, with the layout's line breaks and padding removed.
/// </summary>
public static partial class ReportPdfText
{
    public static async Task<string> LayoutAsync(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"campaignhub-report-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            var start = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { "-layout", "-enc", "UTF-8", file, "-" })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            process.ExitCode.ShouldBe(0, $"pdftotext failed: {await error}");
            return await output;
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>The totals paragraph's text with every run of white space made one space (lines joined).</summary>
    public static string TotalsParagraph(string layout, string heading, string nextHeading)
    {
        var lines = layout.Split('\n').Select(l => l.Trim()).ToList();
        var first = lines.FindIndex(l => l == heading);
        first.ShouldBeGreaterThanOrEqualTo(0, $"no line \"{heading}\" in the PDF");
        var last = lines.FindIndex(first + 1, l => l == nextHeading);
        last.ShouldBeGreaterThan(first, $"no line \"{nextHeading}\" after \"{heading}\"");
        // Page footers (title and "3 / 5") may fall inside the paragraph when it breaks across pages.
        return WhiteSpace().Replace(string.Join(" ", lines.Skip(first + 1).Take(last - first - 1).Where(l => !PageNumber().IsMatch(l))), " ").Trim();
    }

    /// <summary>
    /// Finds each number as a whole number (not part of a longer one), each after the one before; returns where each
    /// was found, so a failure names the first number out of place.
    /// </summary>
    public static void ShouldContainInOrder(string text, IEnumerable<decimal> numbers)
    {
        var position = 0;
        foreach (var number in numbers)
        {
            var digits = number.ToString("0.##", CultureInfo.InvariantCulture);
            var match = new Regex($@"(?<![\d.]){Regex.Escape(digits)}(?![\d]|\.\d)").Match(text, position);
            match.Success.ShouldBeTrue($"{digits} not found after position {position} in: {text[position..]}");
            position = match.Index + match.Length;
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"\d+\s*/\s*\d+$")]
    private static partial Regex PageNumber();
}
