using System.Text;
using CampaignHub.Web.Features.Spreadsheets;
using CampaignHub.Testing;
using MiniExcelLibs;

namespace CampaignHub.UnitTests.Features.Spreadsheets;

/// <summary>Files as Excel and other programs write them are read into the rows and row numbers a user sees.</summary>
public sealed class SheetReaderTests
{
    private static Task<List<SheetRow>> ReadAsync(byte[] bytes, string name) =>
        SheetReader.ReadAsync(new MemoryStream(bytes), name, CancellationToken.None);

    [Fact]
    public async Task A_csv_saved_by_chinese_excel_in_gb18030_reads_as_chinese()
    {
        var gb18030 = CodePagesEncodingProvider.Instance.GetEncoding(54936)!;

        var rows = await ReadAsync(gb18030.GetBytes("title,units\r\n乳腺癌义诊,乳腺癌专委会；肺癌专委会\r\n"), "events.csv");

        rows[1].Cells.ShouldBe(new object?[] { "乳腺癌义诊", "乳腺癌专委会；肺癌专委会" });
    }

    [Fact]
    public async Task Excel_unicode_text_is_tab_separated_utf16()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("title\tvenue\r\n义诊\t广场, 东侧\r\n")).ToArray();

        var rows = await ReadAsync(bytes, "events.txt");

        rows[1].Cells.ShouldBe(new object?[] { "义诊", "广场, 东侧" });
    }

    [Fact]
    public async Task Blank_lines_and_line_breaks_in_cells_keep_the_row_numbers_a_spreadsheet_shows()
    {
        var rows = await ReadAsync(Encoding.UTF8.GetBytes("title,narrative\n\n义诊,\"两行\n叙述\"\n讲座,x\n"), "events.csv");

        rows.Select(r => r.Number).ShouldBe([1, 2, 3, 4]);
        rows[2].Cells[1].ShouldBe("两行\n叙述");
        rows[3].Cells[0].ShouldBe("讲座");
    }

    [Fact]
    public async Task Xlsx_cells_keep_their_columns_past_z_and_their_types()
    {
        var row = Enumerable.Range(0, 30).ToDictionary(i => $"c{i}", i => (object?)(i == 28 ? 42 : i == 29 ? new DateTime(2021, 4, 16, 9, 0, 0) : null));
        using var stream = new MemoryStream();
        stream.SaveAs(new[] { row }, printHeader: false);

        var rows = await ReadAsync(stream.ToArray(), "events.xlsx");

        rows[0].Cells[28].ShouldBe(42d);
        rows[0].Cells[29].ShouldBe(new DateTime(2021, 4, 16, 9, 0, 0));
        rows[0].Cells[0].ShouldBeNull();
    }

    [Fact]
    public async Task A_file_over_20_mb_is_refused_while_it_is_read()
    {
        var error = await Should.ThrowAsync<SheetFormatException>(() => ReadAsync(new byte[SheetReader.MaxBytes + 1], "big.csv"));

        error.MessageKey.ShouldBe("Import_Error_TooLarge");
    }

    [Fact]
    public async Task A_workbook_whose_one_cell_unpacks_to_300_million_characters_is_refused_while_it_is_inflated()
    {
        var bomb = HostileFiles.HugeCellWorkbook(300_000_000);
        bomb.Length.ShouldBeLessThan(1024 * 1024);

        var error = await Should.ThrowAsync<SheetFormatException>(() => ReadAsync(bomb, "bomb.xlsx"));

        // Refused when the text passes 1 MB between two tags, long before the entry is inflated in full.
        error.MessageKey.ShouldBe("Import_Error_ValueTooLong");
    }

    [Fact]
    public async Task A_workbook_entry_that_unpacks_past_64_mb_is_refused_whatever_its_zip_header_declares()
    {
        var bomb = HostileFiles.Workbook(w =>
        {
            for (var i = 0; i < 12_000_000; i++)
            {
                w.Write("<row/>");
            }
        });

        var error = await Should.ThrowAsync<SheetFormatException>(() => ReadAsync(bomb, "bomb.xlsx"));

        error.MessageKey.ShouldBe("Import_Error_Unpacked");
        error.Arguments.ShouldBe([64L]);
    }

    [Fact]
    public async Task A_cell_longer_than_excel_allows_is_refused_by_row_and_column()
    {
        var workbook = HostileFiles.Workbook(w =>
        {
            HostileFiles.InlineRow(w, 1, "title", "narrative");
            HostileFiles.InlineRow(w, 2, "义诊", new string('叙', SheetReader.MaxCellLength + 1));
        });

        var error = await Should.ThrowAsync<SheetFormatException>(() => ReadAsync(workbook, "long.xlsx"));

        error.MessageKey.ShouldBe("Import_Error_CellTooLong");
        (error.Row, error.Column).ShouldBe((2, "B"));
    }

    [Fact]
    public async Task A_sheet_declaring_16384_columns_is_refused_at_the_first_cell_past_column_200()
    {
        var wide = HostileFiles.WideWorkbook();

        var error = await Should.ThrowAsync<SheetFormatException>(() => ReadAsync(wide, "wide.xlsx"));

        error.MessageKey.ShouldBe("Import_Error_TooManyColumns");
        (error.Row, error.Column).ShouldBe((1, "GS"));
    }

    [Fact]
    public async Task A_declared_dimension_of_16384_columns_with_few_cells_costs_only_those_cells()
    {
        var workbook = HostileFiles.Workbook(w => HostileFiles.InlineRow(w, 1, "title", "kind"), dimension: "A1:XFD1048576");

        var rows = await ReadAsync(workbook, "declared.xlsx");

        rows.ShouldHaveSingleItem().Cells.ShouldBe(new object?[] { "title", "kind" });
    }

    [Fact]
    public async Task Empty_cells_past_column_200_cost_nothing_but_a_value_there_is_refused_by_row_and_column()
    {
        var trailing = await ReadAsync(HostileFiles.WideEmptyHeaderCsv(emptyHeaderCells: 20_000, rows: 3), "wide.csv");
        trailing[0].Cells.ShouldBe(new object?[] { "title" });

        var beyond = Encoding.UTF8.GetBytes("title" + new string(',', 250) + "x\n");
        var error = await Should.ThrowAsync<SheetFormatException>(() => ReadAsync(beyond, "wide.csv"));
        error.MessageKey.ShouldBe("Import_Error_TooManyColumns");
        (error.Row, error.Column).ShouldBe((1, "IQ"));
    }

    [Fact]
    public async Task A_csv_cell_longer_than_excel_allows_is_refused_by_row_and_column()
    {
        var error = await Should.ThrowAsync<SheetFormatException>(() => ReadAsync(HostileFiles.LongHeaderCsv(SheetReader.MaxCellLength + 1), "long.csv"));

        error.MessageKey.ShouldBe("Import_Error_CellTooLong");
        (error.Row, error.Column).ShouldBe((1, "A"));
    }

    [Fact]
    public async Task Rows_are_counted_while_they_are_read()
    {
        var tall = HostileFiles.Workbook(w =>
        {
            for (var r = 1; r <= SheetReader.MaxRowsRead + 1; r++)
            {
                w.Write($"<row r=\"{r}\"><c r=\"A{r}\"><v>1</v></c></row>");
            }
        });

        var error = await Should.ThrowAsync<SheetFormatException>(() => ReadAsync(tall, "tall.xlsx"));

        error.MessageKey.ShouldBe("Import_Error_TooManyRows");
    }

    [Fact]
    public async Task Shared_strings_rich_text_and_excel_written_dates_read_as_their_values()
    {
        var workbook = HostileFiles.Workbook(
            w => w.Write("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"C1\" t=\"s\"><v>1</v></c><c r=\"D1\" t=\"b\"><v>1</v></c></row>"),
            writeSharedStrings: w => w.Write("<si><r><t>义</t></r><r><t>诊</t></r></si><si><t>讲座</t></si>"));

        var rows = await ReadAsync(workbook, "rich.xlsx");

        rows[0].Cells.ShouldBe(new object?[] { "义诊", null, "讲座", true });
    }
}
