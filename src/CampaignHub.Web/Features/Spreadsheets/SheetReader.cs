using System.Globalization;
using System.Text;
using CsvHelper;
using MiniExcelLibs;

namespace CampaignHub.Web.Features.Spreadsheets;

/// <summary>One row as read: its number as the user sees it (1 is the first row) and its cells, left to right.</summary>
internal sealed record SheetRow(int Number, object?[] Cells);

/// <summary>A file that cannot be read as a spreadsheet: a resource key and its arguments, localised by the caller.</summary>
internal sealed class SheetFormatException(string messageKey, params object[] arguments) : Exception(messageKey)
{
    public string MessageKey { get; } = messageKey;

    public object[] Arguments { get; } = arguments;
}

/// <summary>
/// Reads the first sheet of an XLSX file (MiniExcel, streaming) or a CSV file (CsvHelper) into rows of cells. XLSX
/// cells keep their type (text, number, date); CSV cells are text. Anything else is a <see cref="SheetFormatException"/>.
/// </summary>
internal static class SheetReader
{
    public const long MaxBytes = 20 * 1024 * 1024;

    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] OleSignature = [0xD0, 0xCF, 0x11, 0xE0];

    public static async Task<List<SheetRow>> ReadAsync(Stream stream, string? fileName, CancellationToken cancellationToken)
    {
        var bytes = await ReadAllAsync(stream, cancellationToken);
        if (bytes.Length == 0)
        {
            throw new SheetFormatException("Import_Error_Empty");
        }

        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        if (bytes.AsSpan().StartsWith(OleSignature) || extension == ".xls")
        {
            throw new SheetFormatException("Import_Error_OldExcel");
        }

        var isZip = bytes.AsSpan().StartsWith(ZipSignature);
        // A .docx or .pdf is not a spreadsheet even if it is a zip or text.
        if (extension is not ("" or ".xlsx" or ".csv" or ".txt"))
        {
            throw new SheetFormatException("Import_Error_UnsupportedType", extension);
        }

        if (isZip)
        {
            return ReadXlsx(bytes);
        }

        if (extension == ".xlsx" || LooksBinary(bytes))
        {
            throw new SheetFormatException("Import_Error_Unreadable");
        }

        return ReadCsv(bytes);
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw new SheetFormatException("Import_Error_TooLarge", MaxBytes / 1024 / 1024);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static List<SheetRow> ReadXlsx(byte[] bytes)
    {
        var rows = new List<SheetRow>();
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            var number = 0;
            foreach (IDictionary<string, object?> row in stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX))
            {
                number++;
                // Without a header row MiniExcel keys cells by column letter (A, B, ... AA); place each by its letter.
                var cells = new object?[row.Count];
                foreach (var (letter, value) in row)
                {
                    var index = ColumnIndex(letter);
                    if (index >= cells.Length)
                    {
                        Array.Resize(ref cells, index + 1);
                    }

                    cells[index] = value;
                }

                rows.Add(new SheetRow(number, cells));
                StopIfTooLong(rows);
            }
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or SheetFormatException))
        {
            // MiniExcel reports a broken workbook in many ways (zip, XML, format); to the user it is one problem.
            throw new SheetFormatException("Import_Error_Unreadable");
        }

        return rows;
    }

    /// <summary>
    /// A small compressed workbook can hold millions of rows: stop reading long before memory runs out. Blank rows
    /// count too, so the limit is twice the import's.
    /// </summary>
    private static void StopIfTooLong(List<SheetRow> rows)
    {
        if (rows.Count > 2 * SpreadsheetImportService.MaxRows)
        {
            throw new SheetFormatException("Import_Error_TooManyRows", SpreadsheetImportService.MaxRows);
        }
    }

    private static int ColumnIndex(string letters)
    {
        var index = 0;
        foreach (var c in letters.ToUpperInvariant())
        {
            index = index * 26 + (c - 'A' + 1);
        }

        return index - 1;
    }

    private static List<SheetRow> ReadCsv(byte[] bytes)
    {
        var text = Decode(bytes);
        var options = new CsvReaderOptions
        {
            HasHeader = false,
            Separator = DelimiterOf(text),
            // Blank lines still count, so row numbers match what a spreadsheet program shows.
            SkipEmptyLines = false,
            // An unclosed quote would otherwise swallow the rest of the file into one cell.
            MalformedData = CsvMalformedDataHandling.Throw,
        };
        var rows = new List<SheetRow>();
        using var reader = CsvReader.Create(new StringReader(text), options, false);
        try
        {
            while (reader.Read())
            {
                var cells = new object?[reader.FieldCount];
                for (var i = 0; i < cells.Length; i++)
                {
                    cells[i] = reader.GetString(i);
                }

                rows.Add(new SheetRow(rows.Count + 1, cells));
                StopIfTooLong(rows);
            }
        }
        catch (CsvFormatException ex)
        {
            throw new SheetFormatException("Import_Error_BadCsv", ex.RecordNumber > 0 ? ex.RecordNumber : rows.Count + 1);
        }

        return rows;
    }

    /// <summary>
    /// UTF-8 (with or without BOM), UTF-16 with BOM (Excel's "Unicode text"), or else GB18030, which is what Excel
    /// on a Chinese Windows writes for "CSV".
    /// </summary>
    private static string Decode(byte[] bytes)
    {
        if (bytes is [0xEF, 0xBB, 0xBF, ..])
        {
            return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        }

        if (bytes is [0xFF, 0xFE, ..])
        {
            return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        }

        if (bytes is [0xFE, 0xFF, ..])
        {
            return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(54936)!.GetString(bytes);
        }
    }

    /// <summary>Comma, unless the header line is clearly tab- or semicolon-separated (Excel's other text formats).</summary>
    private static char DelimiterOf(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        var header = end < 0 ? text : text[..end];
        if (header.Contains(','))
        {
            return ',';
        }

        return header.Contains('\t') ? '\t' : header.Contains(';') ? ';' : ',';
    }

    private static bool LooksBinary(byte[] bytes)
    {
        // UTF-16 text has zero bytes too, but starts with its byte order mark.
        if (bytes is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..])
        {
            return false;
        }

        return bytes.AsSpan(0, Math.Min(bytes.Length, 8192)).Contains((byte)0);
    }
}
