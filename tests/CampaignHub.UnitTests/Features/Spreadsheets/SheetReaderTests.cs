using System.Text;
using CampaignHub.Web.Features.Spreadsheets;
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

        var rows = await ReadAsync(gb18030.GetBytes("title,committees\r\n乳腺癌义诊,乳腺癌专委会；肺癌专委会\r\n"), "events.csv");

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
}
