using System.Globalization;
using CsvHelper;
using MiniExcelLibs;

namespace CampaignHub.Web.Features.Spreadsheets;

/// <summary>Writes a header row and data rows as an XLSX workbook (MiniExcel) or a UTF-8 CSV file that Excel opens as is.</summary>
internal static class SheetWriter
{
    public static byte[] Write(SpreadsheetFormat format, IReadOnlyList<string> header, IEnumerable<object?[]> rows) =>
        format == SpreadsheetFormat.Xlsx ? WriteXlsx(header, rows) : WriteCsv(header, rows);

    private static byte[] WriteXlsx(IReadOnlyList<string> header, IEnumerable<object?[]> rows)
    {
        // The header goes in as the first data row, so an empty export still has it; keys only name the columns.
        var keys = Enumerable.Range(0, header.Count).Select(i => "c" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        IEnumerable<Dictionary<string, object?>> Lines()
        {
            yield return Line(header.Cast<object?>().ToArray());
            foreach (var row in rows)
            {
                yield return Line(row);
            }
        }

        Dictionary<string, object?> Line(object?[] cells)
        {
            var line = new Dictionary<string, object?>(keys.Length);
            for (var i = 0; i < keys.Length; i++)
            {
                line[keys[i]] = i < cells.Length ? cells[i] : null;
            }

            return line;
        }

        using var output = new MemoryStream();
        output.SaveAs(Lines(), printHeader: false, sheetName: "events", excelType: ExcelType.XLSX);
        return output.ToArray();
    }

    private static byte[] WriteCsv(IReadOnlyList<string> header, IEnumerable<object?[]> rows)
    {
        using var output = new MemoryStream();
        var options = new CsvWriterOptions
        {
            // With the byte order mark Excel reads the file as UTF-8 rather than the system code page.
            WriteByteOrderMark = true,
            // Text starting with = + - @ would run as a formula in a spreadsheet (CSV injection): an apostrophe keeps
            // it text, and the importer removes it again.
            Injection = CsvInjection.Escape,
        };
        using (var csv = CsvWriter.Create(output, options, true))
        {
            foreach (var name in header)
            {
                csv.WriteField(name);
            }

            csv.EndRecord();
            foreach (var row in rows)
            {
                foreach (var cell in row)
                {
                    csv.WriteField(cell switch
                    {
                        null => "",
                        string text => text,
                        IFormattable value => value.ToString(null, CultureInfo.InvariantCulture),
                        _ => cell.ToString(),
                    });
                }

                csv.EndRecord();
            }

            csv.Flush();
        }

        return output.ToArray();
    }
}
