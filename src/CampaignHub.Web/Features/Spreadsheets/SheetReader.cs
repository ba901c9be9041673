using System.Globalization;
using System.IO.Compression;
using System.Text;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using CampaignHub.Web.Features.Common;

namespace CampaignHub.Web.Features.Spreadsheets;

/// <summary>One row as read: its number as the user sees it (1 is the first row) and its cells, left to right.</summary>
internal sealed record SheetRow(int Number, object?[] Cells);

/// <summary>
/// A file that cannot be read as a spreadsheet: a resource key and its arguments, localised by the caller, and the
/// row and column (as the user sees them) when one cell is at fault; 0 and null for the file as a whole.
/// </summary>
internal sealed class SheetFormatException(string messageKey, params object[] arguments) : Exception(messageKey)
{
    public string MessageKey { get; } = messageKey;

    public object[] Arguments { get; } = arguments;

    public int Row { get; init; }

    public string? Column { get; init; }
}

/// <summary>
/// Reads the first sheet of an XLSX file (the Open XML SDK's streaming reader) or a CSV file (CsvHelper) into rows of
/// cells. XLSX cells keep their type (text, number, date); CSV cells are text. Anything else is a
/// <see cref="SheetFormatException"/>.
/// </summary>
/// <remarks>
/// An upload is hostile until read: a 300 KB workbook can unpack to gigabytes, declare 16,384 columns or carry one
/// cell of 300 million characters. So every size is capped while reading, never taken from what the file declares:
/// the bytes each zip entry really inflates to (counted before any XML parser sees them), the longest run of text,
/// shared strings, cell length, columns and rows. Empty cells beyond the last column with a value cost nothing.
/// </remarks>
internal static class SheetReader
{
    public const long MaxBytes = 20 * 1024 * 1024;

    /// <summary>What one zip entry may inflate to: a 20,000-row sheet with 40 columns is about 30 MB of XML.</summary>
    public const long MaxEntryBytes = 64 * 1024 * 1024;

    /// <summary>What the whole workbook may inflate to.</summary>
    public const long MaxUnpackedBytes = 128 * 1024 * 1024;

    public const int MaxEntries = 1_000;

    /// <summary>Excel's own limit for one cell.</summary>
    public const int MaxCellLength = 32_767;

    /// <summary>
    /// Text between two tags longer than this cannot be a cell Excel would write (32,767 characters, even as
    /// entities); refusing it while inflating keeps any one value the XML parser builds small.
    /// </summary>
    public const int MaxTextRunBytes = 1024 * 1024;

    /// <summary>The import has 13 columns and one per metric; far more is a mistake or an attack.</summary>
    public const int MaxColumns = 200;

    public const int MaxSharedStrings = 500_000;

    /// <summary>Rows read, blank ones included; the import itself takes <see cref="SpreadsheetImportService.MaxRows"/> events.</summary>
    public static int MaxRowsRead => 2 * SpreadsheetImportService.MaxRows + 1;

    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] OleSignature = [0xD0, 0xCF, 0x11, 0xE0];

    public static async Task<List<SheetRow>> ReadAsync(Stream stream, string? fileName, CancellationToken cancellationToken) =>
        Read(await ReadAllAsync(stream, cancellationToken), fileName, cancellationToken);

    /// <summary>Reads a file already in memory (at most <see cref="MaxBytes"/>).</summary>
    public static List<SheetRow> Read(byte[] bytes, string? fileName, CancellationToken cancellationToken)
    {
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
            throw new SheetFormatException("Import_Error_UnsupportedType", ValueEcho.Short(extension));
        }

        if (isZip)
        {
            return ReadXlsx(bytes, cancellationToken);
        }

        if (extension == ".xlsx" || LooksBinary(bytes))
        {
            throw new SheetFormatException("Import_Error_Unreadable");
        }

        return ReadCsv(bytes, cancellationToken);
    }

    public static async Task<byte[]> ReadAllAsync(Stream stream, CancellationToken cancellationToken)
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

    private static List<SheetRow> ReadXlsx(byte[] bytes, CancellationToken cancellationToken)
    {
        try
        {
            CheckUnpackedSizes(bytes, cancellationToken);
            using var document = SpreadsheetDocument.Open(new MemoryStream(bytes, writable: false), false,
                new OpenSettings { AutoSave = false, MaxCharactersInPart = MaxEntryBytes });
            var workbook = document.WorkbookPart ?? throw new SheetFormatException("Import_Error_Unreadable");
            var sheet = FirstWorksheet(document, workbook) ?? throw new SheetFormatException("Import_Error_Unreadable");
            var dateStyles = DateStyles(document, workbook.WorkbookStylesPart);
            var strings = SharedStrings(document, workbook.SharedStringTablePart, cancellationToken);
            return ReadWorksheet(document, sheet, strings, dateStyles, cancellationToken);
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or SheetFormatException))
        {
            // A broken workbook fails in many ways (zip, packaging, XML); to the user it is one problem.
            throw FindSheetFormatException(ex) ?? new SheetFormatException("Import_Error_Unreadable");
        }
    }

    private static SheetFormatException? FindSheetFormatException(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is SheetFormatException format)
            {
                return format;
            }
        }

        return null;
    }

    /// <summary>
    /// Inflates every entry once, counting the bytes it really gives (declared sizes are the attacker's to choose),
    /// and the longest text between two tags. Only a workbook within all limits reaches the packaging and XML code.
    /// </summary>
    private static void CheckUnpackedSizes(byte[] bytes, CancellationToken cancellationToken)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
        if (zip.Entries.Count > MaxEntries)
        {
            throw new SheetFormatException("Import_Error_Unreadable");
        }

        var buffer = new byte[81920];
        long total = 0;
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            long inEntry = 0;
            var run = 0;
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                inEntry += read;
                total += read;
                if (inEntry > MaxEntryBytes || total > MaxUnpackedBytes)
                {
                    throw new SheetFormatException("Import_Error_Unpacked", (inEntry > MaxEntryBytes ? MaxEntryBytes : MaxUnpackedBytes) / 1024 / 1024);
                }

                for (var span = buffer.AsSpan(0, read); ;)
                {
                    var tag = span.IndexOf((byte)'<');
                    if (tag < 0)
                    {
                        run += span.Length;
                        break;
                    }

                    if (run + tag > MaxTextRunBytes)
                    {
                        throw new SheetFormatException("Import_Error_ValueTooLong", MaxCellLength);
                    }

                    run = 0;
                    span = span[(tag + 1)..];
                }

                if (run > MaxTextRunBytes)
                {
                    throw new SheetFormatException("Import_Error_ValueTooLong", MaxCellLength);
                }
            }
        }
    }

    private static OpenXmlPartReader Reader(SpreadsheetDocument document, OpenXmlPart part) =>
        new(part.GetStream(FileMode.Open, FileAccess.Read), document.Features,
            new OpenXmlPartReaderOptions { MaxCharactersInPart = MaxEntryBytes, CloseStream = true });

    /// <summary>The first sheet in the workbook's order (not the first part in the zip).</summary>
    private static WorksheetPart? FirstWorksheet(SpreadsheetDocument document, WorkbookPart workbook)
    {
        using var reader = Reader(document, workbook);
        while (reader.Read())
        {
            if (reader.IsStartElement && reader.ElementType == typeof(Sheet))
            {
                var id = reader.Attributes.FirstOrDefault(a => a.LocalName == "id").Value;
                return id is not null && workbook.TryGetPartById(id, out var part) ? part as WorksheetPart : null;
            }
        }

        return null;
    }

    /// <summary>Which cell styles show a date: the built-in date formats and custom ones made of date letters.</summary>
    private static List<bool> DateStyles(SpreadsheetDocument document, WorkbookStylesPart? styles)
    {
        var result = new List<bool>();
        if (styles is null)
        {
            return result;
        }

        var customDates = new HashSet<uint>();
        var inCellFormats = false;
        using var reader = Reader(document, styles);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(CellFormats))
            {
                inCellFormats = reader.IsStartElement;
            }
            else if (reader.IsStartElement && reader.ElementType == typeof(NumberingFormat))
            {
                var id = Attribute(reader, "numFmtId");
                var code = Attribute(reader, "formatCode");
                if (uint.TryParse(id, CultureInfo.InvariantCulture, out var numFmtId) && code is not null && IsDateFormat(code))
                {
                    customDates.Add(numFmtId);
                }
            }
            else if (inCellFormats && reader.IsStartElement && reader.ElementType == typeof(CellFormat))
            {
                if (result.Count >= MaxSharedStrings)
                {
                    throw new SheetFormatException("Import_Error_Unreadable");
                }

                var numFmtId = uint.TryParse(Attribute(reader, "numFmtId"), CultureInfo.InvariantCulture, out var n) ? n : 0;
                result.Add(numFmtId is >= 14 and <= 22 or >= 45 and <= 47 || customDates.Contains(numFmtId));
            }
        }

        return result;
    }

    /// <summary>A number format shows a date when it has date or time letters outside quotes, escapes and [colours].</summary>
    private static bool IsDateFormat(string code)
    {
        var quoted = false;
        var bracket = false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (quoted)
            {
                continue;
            }
            else if (c == '\\' || c == '_' || c == '*')
            {
                i++;
            }
            else if (c == '[')
            {
                bracket = true;
            }
            else if (c == ']')
            {
                bracket = false;
            }
            else if (!bracket && "ymdhsYMDHS".Contains(c))
            {
                return true;
            }
        }

        return false;
    }

    private static List<string> SharedStrings(SpreadsheetDocument document, SharedStringTablePart? part, CancellationToken cancellationToken)
    {
        var strings = new List<string>();
        if (part is null)
        {
            return strings;
        }

        using var reader = Reader(document, part);
        var item = new StringBuilder();
        var depth = 0;
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SharedStringItem))
            {
                if (reader.IsStartElement)
                {
                    item.Clear();
                }
                else
                {
                    if (strings.Count >= MaxSharedStrings)
                    {
                        throw new SheetFormatException("Import_Error_TooManyStrings", MaxSharedStrings);
                    }

                    cancellationToken.ThrowIfCancellationRequested();
                    // An over-long text is kept short here and refused with its row and column where a cell uses it.
                    strings.Add(item.ToString());
                }
            }
            else if (reader.ElementType == typeof(PhoneticRun))
            {
                // Furigana of Japanese text is not part of the value.
                depth += reader.IsStartElement ? 1 : -1;
            }
            else if (depth == 0 && reader.IsStartElement && reader.ElementType == typeof(Text))
            {
                Append(item, reader.GetText());
            }
        }

        return strings;
    }

    /// <summary>Keeps a value one character over the limit, enough to tell that it is too long.</summary>
    private static void Append(StringBuilder item, string text)
    {
        var room = MaxCellLength + 1 - item.Length;
        if (room > 0)
        {
            item.Append(text, 0, Math.Min(room, text.Length));
        }
    }

    private static List<SheetRow> ReadWorksheet(
        SpreadsheetDocument document, WorksheetPart sheet, List<string> strings, List<bool> dateStyles, CancellationToken cancellationToken)
    {
        var rows = new List<SheetRow>();
        using var reader = Reader(document, sheet);
        var cells = new List<object?>();
        var rowNumber = 0;
        var column = -1;
        string? type = null;
        var style = 0;
        string? value = null;
        var inline = new StringBuilder();
        var inInline = false;
        while (reader.Read())
        {
            var element = reader.ElementType;
            if (element == typeof(Row))
            {
                if (reader.IsStartElement)
                {
                    // Rows without a number follow the previous one; the declared dimension is never trusted.
                    rowNumber = int.TryParse(Attribute(reader, "r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r > rowNumber
                        ? r
                        : rowNumber + 1;
                    cells.Clear();
                    column = -1;
                }
                else
                {
                    if (rows.Count >= MaxRowsRead)
                    {
                        throw new SheetFormatException("Import_Error_TooManyRows", SpreadsheetImportService.MaxRows);
                    }

                    cancellationToken.ThrowIfCancellationRequested();
                    rows.Add(new SheetRow(rowNumber, [.. cells]));
                }
            }
            else if (element == typeof(Cell))
            {
                if (reader.IsStartElement)
                {
                    column = ColumnIndex(Attribute(reader, "r")) ?? column + 1;
                    type = Attribute(reader, "t");
                    style = int.TryParse(Attribute(reader, "s"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
                    value = null;
                    inline.Clear();
                }
                else
                {
                    var cell = CellValue(type, value, inline, style, strings, dateStyles, rowNumber, column);
                    if (cell is not null)
                    {
                        Place(cells, column, cell, rowNumber);
                    }
                }
            }
            else if (element == typeof(InlineString))
            {
                inInline = reader.IsStartElement;
            }
            else if (reader.IsStartElement && element == typeof(CellValue))
            {
                value = reader.GetText();
            }
            else if (inInline && reader.IsStartElement && element == typeof(Text))
            {
                Append(inline, reader.GetText());
            }
        }

        return rows;
    }

    /// <summary>Puts a cell with a value in its column; a value past <see cref="MaxColumns"/> is refused by row and column.</summary>
    private static void Place(List<object?> cells, int column, object value, int rowNumber)
    {
        if (column >= MaxColumns)
        {
            throw new SheetFormatException("Import_Error_TooManyColumns", MaxColumns)
            {
                Row = rowNumber,
                Column = SpreadsheetColumns.Letter(column),
            };
        }

        while (cells.Count <= column)
        {
            cells.Add(null);
        }

        cells[column] = value;
    }

    private static object? CellValue(
        string? type, string? value, StringBuilder inline, int style, List<string> strings, List<bool> dateStyles, int row, int column)
    {
        string? text;
        switch (type)
        {
            case "s":
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= strings.Count)
                {
                    return null;
                }

                text = strings[index];
                break;
            case "inlineStr":
                text = inline.ToString();
                break;
            case "b":
                return value is null ? null : value == "1";
            case "str" or "e" or "d":
                text = value;
                break;
            default:
                if (string.IsNullOrEmpty(value))
                {
                    return null;
                }

                if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    text = value;
                    break;
                }

                if (style < dateStyles.Count && dateStyles[style] && number is > 0 and < 2_958_466)
                {
                    return DateTime.FromOADate(number);
                }

                return number;
        }

        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        CheckLength(text, row, column);
        return text;
    }

    private static void CheckLength(string text, int row, int column)
    {
        if (text.Length > MaxCellLength)
        {
            throw new SheetFormatException("Import_Error_CellTooLong", MaxCellLength)
            {
                Row = row,
                Column = SpreadsheetColumns.Letter(column),
            };
        }
    }

    private static string? Attribute(OpenXmlReader reader, string localName)
    {
        foreach (var attribute in reader.Attributes)
        {
            if (attribute.LocalName == localName)
            {
                return attribute.Value;
            }
        }

        return null;
    }

    /// <summary>"AB12" → 27 (zero-based); null when there is no reference. Columns past Excel's XFD count as too many.</summary>
    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var index = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z' or >= 'a' and <= 'z')
            {
                index = Math.Min(index * 26 + (char.ToUpperInvariant(c) - 'A' + 1), 1_000_000);
            }
            else
            {
                break;
            }
        }

        return index == 0 ? null : index - 1;
    }

    private static List<SheetRow> ReadCsv(byte[] bytes, CancellationToken cancellationToken)
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
        var cells = new List<object?>();
        try
        {
            while (reader.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var number = rows.Count + 1;
                cells.Clear();
                // Trailing empty cells (a spreadsheet's stray formatting) are dropped without a cell each.
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var cell = reader.GetString(i);
                    if (cell.Length == 0)
                    {
                        continue;
                    }

                    CheckLength(cell, number, i);
                    Place(cells, i, cell, number);
                }

                if (rows.Count >= MaxRowsRead)
                {
                    throw new SheetFormatException("Import_Error_TooManyRows", SpreadsheetImportService.MaxRows);
                }

                rows.Add(new SheetRow(number, [.. cells]));
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
