using System.IO.Compression;
using System.Text;

namespace CampaignHub.Testing;

/// <summary>
/// Hostile uploads made on the fly (never committed): workbooks whose XML is written straight into the zip, so a
/// test can declare what no spreadsheet program would write (16,384 columns, a 300-million-character cell), CSV
/// files and image headers of any size.
/// </summary>
public static class HostileFiles
{
    private const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>A minimal valid workbook whose first sheet's <c>sheetData</c> is written by <paramref name="writeSheetData"/>.</summary>
    public static byte[] Workbook(Action<TextWriter> writeSheetData, string dimension = "A1", Action<TextWriter>? writeSharedStrings = null)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Entry(zip, "[Content_Types].xml", w => w.Write(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                + (writeSharedStrings is null ? "" : "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>")
                + "</Types>"));
            Entry(zip, "_rels/.rels", w => w.Write(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                + "</Relationships>"));
            Entry(zip, "xl/workbook.xml", w => w.Write(
                $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"{MainNs}\" xmlns:r=\"{RelNs}\"><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"));
            Entry(zip, "xl/_rels/workbook.xml.rels", w => w.Write(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + (writeSharedStrings is null ? "" : "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>")
                + "</Relationships>"));
            Entry(zip, "xl/worksheets/sheet1.xml", w =>
            {
                w.Write($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"{MainNs}\"><dimension ref=\"{dimension}\"/><sheetData>");
                writeSheetData(w);
                w.Write("</sheetData></worksheet>");
            });
            if (writeSharedStrings is not null)
            {
                Entry(zip, "xl/sharedStrings.xml", w =>
                {
                    w.Write($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"{MainNs}\">");
                    writeSharedStrings(w);
                    w.Write("</sst>");
                });
            }
        }

        return buffer.ToArray();
    }

    /// <summary>The first row's cells as inline strings.</summary>
    public static void InlineRow(TextWriter w, int row, params string[] cells)
    {
        w.Write($"<row r=\"{row}\">");
        for (var i = 0; i < cells.Length; i++)
        {
            w.Write($"<c r=\"{Letter(i)}{row}\" t=\"inlineStr\"><is><t>{System.Security.SecurityElement.Escape(cells[i])}</t></is></c>");
        }

        w.Write("</row>");
    }

    /// <summary>One shared string of <paramref name="length"/> characters in cell A1: 300 million make a 300 KB file.</summary>
    public static byte[] HugeCellWorkbook(long length) => Workbook(
        w => w.Write("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"),
        writeSharedStrings: w =>
        {
            w.Write("<si><t>");
            var chunk = new string('A', 1 << 20);
            for (long written = 0; written < length; written += chunk.Length)
            {
                w.Write(chunk.AsSpan(0, (int)Math.Min(chunk.Length, length - written)));
            }

            w.Write("</t></si>");
        });

    /// <summary>A sheet declaring A1:XFD6 with a value in every one of its 16,384 × 6 cells.</summary>
    public static byte[] WideWorkbook(int rows = 6, int columns = 16_384) => Workbook(
        w =>
        {
            for (var r = 1; r <= rows; r++)
            {
                w.Write($"<row r=\"{r}\">");
                for (var c = 0; c < columns; c++)
                {
                    w.Write($"<c r=\"{Letter(c)}{r}\"><v>1</v></c>");
                }

                w.Write("</row>");
            }
        },
        dimension: $"A1:{Letter(columns - 1)}{rows}");

    /// <summary>A header of <paramref name="emptyHeaderCells"/> empty cells after "title", then <paramref name="rows"/> one-cell rows.</summary>
    public static byte[] WideEmptyHeaderCsv(int emptyHeaderCells = 20_000, int rows = 20_000)
    {
        var text = new StringBuilder("title");
        text.Append(',', emptyHeaderCells).Append('\n');
        for (var i = 0; i < rows; i++)
        {
            text.Append("x\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>A header whose first cell is <paramref name="length"/> characters long.</summary>
    public static byte[] LongHeaderCsv(int length) =>
        Encoding.UTF8.GetBytes(new string('x', length) + ",kind\nlecture,lecture\n");

    /// <summary>
    /// A PNG that claims <paramref name="width"/> × <paramref name="height"/> pixels: 1-bit grey rows of zeros, which
    /// deflate to almost nothing (30000 × 30000 is about 110 KB).
    /// </summary>
    public static byte[] Png(int width, int height)
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header, width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 1; // bit depth
        header[9] = 0; // greyscale
        Chunk(png, "IHDR", header);
        using var idat = new MemoryStream();
        using (var z = new ZLibStream(idat, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var row = new byte[1 + (width + 7) / 8];
            for (var y = 0; y < height; y++)
            {
                z.Write(row);
            }
        }

        Chunk(png, "IDAT", idat.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        var crc = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        png.Write(crc);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }

    public static string Letter(int index)
    {
        var letters = "";
        for (index++; index > 0; index = (index - 1) / 26)
        {
            letters = (char)('A' + (index - 1) % 26) + letters;
        }

        return letters;
    }

    private static void Entry(ZipArchive zip, string name, Action<TextWriter> write)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16);
        write(writer);
    }
}
