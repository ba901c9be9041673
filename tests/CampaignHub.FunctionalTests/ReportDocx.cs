using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CampaignHub.FunctionalTests;

/// <summary>A summary report's .docx read back with the OpenXml SDK, as Word would see it: paragraphs with their styles, tables, pictures.</summary>
public sealed class ReportDocx : IDisposable
{
    private readonly MemoryStream stream;

    public ReportDocx(byte[] content)
    {
        stream = new MemoryStream(content);
        Document = WordprocessingDocument.Open(stream, false);
    }

    public WordprocessingDocument Document { get; }

    public Body Body => Document.MainDocumentPart!.Document!.Body!;

    /// <summary>The body's paragraphs outside tables: style id and text.</summary>
    public List<(string Style, string Text)> Paragraphs =>
        Body.Elements<Paragraph>().Select(p => (p.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? "Normal", p.InnerText)).ToList();

    public List<string> Headings(string style) => Paragraphs.Where(p => p.Style == style).Select(p => p.Text).ToList();

    /// <summary>Everything a reader reads, tables included, in order.</summary>
    public string Text => string.Join("\n", Body.Descendants<Paragraph>().Select(p => p.InnerText));

    public List<Table> Tables => Body.Descendants<Table>().ToList();

    public void Dispose()
    {
        Document.Dispose();
        stream.Dispose();
    }
}
