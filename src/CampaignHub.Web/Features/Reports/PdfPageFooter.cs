using System.Text;

namespace CampaignHub.Web.Features.Reports;

/// <summary>
/// The footer of every PDF page, the document's title on the left and "3 / 5" on the right, as CSS page-margin boxes
/// added to the document itself, so it is set in the document's own fonts. (Chromium's footer template is a
/// separate document that cannot load them: its Chinese came out as Type 3 fonts, a set per page.)
/// </summary>
internal static class PdfPageFooter
{
    public static string Css(PdfPageOptions options)
    {
        const string Box = "font-family: " + ReportFonts.Stack + "; font-size: 8px; color: #555; vertical-align: middle;";
        return "@page { "
               + $"@bottom-left {{ content: {CssString(options.Title)}; {Box} }} "
               + $"@bottom-right {{ content: counter(page) \" / \" counter(pages); {Box} }} }}";
    }

    /// <summary>The document with the footer's style at the end of its head (or at its start when it has none).</summary>
    public static string AddTo(string html, PdfPageOptions options)
    {
        var style = $"<style>{Css(options)}</style>";
        var head = html.IndexOf("</head>", StringComparison.OrdinalIgnoreCase);
        return head < 0 ? style + html : html.Insert(head, style);
    }

    /// <summary>
    /// A CSS string of any text: every character but letters, digits and spaces as a hex escape, so no quote,
    /// backslash or <c>&lt;/style&gt;</c> in a title can end the string or the style element.
    /// </summary>
    internal static string CssString(string text)
    {
        var css = new StringBuilder("\"");
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.IsAscii && (char.IsAsciiLetterOrDigit((char)rune.Value) || rune.Value == ' '))
            {
                css.Append((char)rune.Value);
            }
            else if (!Rune.IsControl(rune))
            {
                // Six hex digits end the escape on their own: no space needed, none swallowed.
                css.Append('\\').Append(rune.Value.ToString("X6", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return css.Append('"').ToString();
    }
}
