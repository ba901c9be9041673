using System.Globalization;
using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Common;
using CampaignHub.Web.Features.Spreadsheets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignHub.Benchmarks;

/// <summary>
/// (c) An admin imports a 10,000-row XLSX (one row per event, five metric columns) through the app's own import
/// service, into a fresh campaign each run so every run starts from the same state.
/// </summary>
internal static class ImportBenchmark
{
    private static readonly string[] Metrics = ["staff_medical", "volunteers", "brochures", "patients_benefited", "public_benefited"];
    private static readonly string[] Kinds = ["free_clinic", "lecture", "patient_exchange", "media_interview", "screening"];

    public static byte[] Workbook(int rows, int unitId)
    {
        // The first 13 event columns (the file may leave the others out), named so that columns added later do not shift them.
        string[] eventColumns =
        [
            SpreadsheetColumns.Title, SpreadsheetColumns.Kind, SpreadsheetColumns.Channel, SpreadsheetColumns.Platform, SpreadsheetColumns.Start,
            SpreadsheetColumns.End, SpreadsheetColumns.Units, SpreadsheetColumns.Venue, SpreadsheetColumns.Series, SpreadsheetColumns.Stop,
            SpreadsheetColumns.Status, SpreadsheetColumns.Highlight, SpreadsheetColumns.Narrative,
        ];
        var header = eventColumns.Concat(Metrics).ToList();
        var start = new DateTime(2025, 4, 15, 8, 0, 0);
        var lines = Enumerable.Range(0, rows).Select(i =>
        {
            var at = start.AddDays(i % 7).AddMinutes(i % 600);
            object?[] fixedCells =
            [
                $"Imported event {i + 1}", Kinds[i % Kinds.Length], i % 3 == 0 ? "online" : "offline", null,
                SpreadsheetColumns.FormatDateTime(at), SpreadsheetColumns.FormatDateTime(at.AddHours(2)),
                unitId.ToString(CultureInfo.InvariantCulture), "Community centre", null, null, "held", "no", null,
            ];
            return fixedCells.Concat(Metrics.Select((_, m) => (object?)((i * 7 + m * 13) % 200))).ToArray();
        });
        return SheetWriter.Write(SpreadsheetFormat.Xlsx, header, lines.ToList());
    }

    /// <summary>Fresh empty campaigns for the warm-up and every timed run.</summary>
    public static async Task<Queue<int>> CampaignsAsync(IServiceProvider services, int count, int unitId)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<CampaignHubDbContext>>().CreateDbContextAsync();
        var campaigns = Enumerable.Range(1, count).Select(i => new Campaign
        {
            Name = $"Import benchmark {i}",
            StartDate = new DateOnly(2025, 4, 15),
            EndDate = new DateOnly(2025, 4, 21),
            Units = [new CampaignUnit { UnitId = unitId }],
        }).ToList();
        db.Campaigns.AddRange(campaigns);
        // The import's record names its importer, a real account.
        if (!await db.Users.AnyAsync(u => u.Id == Admin.UserId))
        {
            db.Users.Add(new ApplicationUser { Id = Admin.UserId, UserName = Admin.Email, Email = Admin.Email, DisplayName = "Benchmark admin" });
        }

        await db.SaveChangesAsync();
        return new Queue<int>(campaigns.Select(c => c.Id));
    }

    /// <summary>The importing admin; the benchmark's scope acts as them, as the import page's circuit would.</summary>
    public static Actor Admin { get; } = new("benchmark", "benchmark@bench.local", IsAdmin: true, IsCoordinator: false, new HashSet<int>());

    public static async Task ImportAsync(SpreadsheetImportService importer, int campaignId, byte[] workbook, int expectedRows)
    {
        await using var stream = new MemoryStream(workbook);
        var result = await importer.ImportAsync(Admin, campaignId, stream, "events.xlsx");
        if (!result.Succeeded || result.Imported != expectedRows)
        {
            throw new InvalidOperationException(
                $"The import should take {expectedRows} rows: {string.Join("; ", result.Errors.Take(5).Select(e => $"{e.Key} {e.Message}"))}");
        }
    }
}
