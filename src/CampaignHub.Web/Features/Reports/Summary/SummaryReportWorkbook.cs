using System.Globalization;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Totals;
using MiniExcelLibs;

namespace CampaignHub.Web.Features.Reports.Summary;

/// <summary>
/// The report's tables as an XLSX workbook (MiniExcel), one sheet each: totals by indicator (with their counted and
/// estimated parts), events by kind and
/// channel, units, targets, events per day. Numbers are numbers, so the sheet can sum them again.
/// </summary>
public static class SummaryReportWorkbook
{
    public static byte[] Write(ReportTexts texts, CampaignStatistics statistics)
    {
        var kinds = SummaryReportWriter.SeedKindOrder.Concat(Codes<EventKind>.All.Except(SummaryReportWriter.SeedKindOrder))
            .Where(statistics.Totals.Events.ContainsKey)
            .Select(k => (Kind: k, Counts: statistics.Totals.Events[k]))
            .ToList();
        var sheets = new Dictionary<string, object>
        {
            [texts["Report_Sheet_Metrics"]] = Sheet(
                [texts["Report_Table_Group"], texts["Report_Table_Indicator"], "code", texts["Report_Table_Value"], texts["Report_Table_Unit"],
                    texts["Report_Table_Counted"], texts["Report_Table_Estimated"]],
                statistics.Metrics.Select(m => new object?[]
                {
                    texts[$"Metrics_Group_{m.Group}"], texts.Name(m.Name, m.NameEn), m.Code, m.Value, texts.IsEnglish ? m.UnitEn : m.Unit, m.Counted, m.Estimated,
                })),
            [texts["Report_Sheet_Events"]] = Sheet(
                [texts["Report_Table_Kind"], texts["EventChannel_online"], texts["EventChannel_offline"], texts["Report_Table_Total"]],
                kinds.Select(k => new object?[] { texts[$"EventKind_{k.Kind}"], k.Counts.Online, k.Counts.Offline, k.Counts.Online + k.Counts.Offline })
                    .Append([texts["Report_Table_Total"], kinds.Sum(k => k.Counts.Online), kinds.Sum(k => k.Counts.Offline), statistics.Totals.EventCount])),
            [texts["Report_Sheet_Units"]] = Sheet(
                [texts["Report_Table_UnitName"], texts["Report_Table_UnitEvents"], texts["Report_Table_PeopleServed"]],
                statistics.Units.Select(c => new object?[] { texts.Name(c.Name, c.NameEn), c.Events, c.PeopleServed })),
            [texts["Report_Sheet_Targets"]] = Sheet(
                [texts["Report_Table_Indicator"], texts["Report_Table_Target"], texts["Report_Table_Actual"], texts["Report_Table_Percent"] + " (%)"],
                statistics.Targets.Select(t => new object?[] { texts.Name(t.Name, t.NameEn), t.Target, t.Actual, t.Percent })),
            [texts["Report_Sheet_Days"]] = Sheet(
                [texts["Report_Table_Date"], texts["EventChannel_online"], texts["EventChannel_offline"]],
                // Each day of a period up to half a year; the months of a longer one.
                statistics.EventsPerDay.Count > 0
                    ? statistics.EventsPerDay.Select(d => new object?[] { d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.Online, d.Offline })
                    : statistics.Timeline.Buckets.Select(b => new object?[] { b.From.ToString("yyyy-MM", CultureInfo.InvariantCulture), b.Online, b.Offline })),
        };

        using var output = new MemoryStream();
        output.SaveAs(sheets, printHeader: false, excelType: ExcelType.XLSX);
        return output.ToArray();
    }

    /// <summary>The header goes in as the first row, so an empty table still has it; the keys only name columns.</summary>
    private static List<Dictionary<string, object?>> Sheet(IReadOnlyList<string> header, IEnumerable<object?[]> rows)
    {
        var keys = Enumerable.Range(0, header.Count).Select(i => "c" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        return rows.Prepend(header.Cast<object?>().ToArray())
            .Select(cells => keys.Select((key, i) => (key, value: i < cells.Length ? cells[i] : null)).ToDictionary(x => x.key, x => x.value))
            .ToList();
    }
}
