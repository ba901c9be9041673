using System.Globalization;
using System.Net;
using System.Text;
using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Common;
using CampaignHub.Web.Features.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace CampaignHub.Web.Features.Reporting;

/// <summary>One kind of activity on the form: how many were held offline and online, attendees and viewers.</summary>
public sealed record ActivityLine(string Kind, int Offline, int Online, decimal OfflineAttendees, decimal OnlineViewers);

/// <summary>A figure on the form: its name, value and unit.</summary>
public sealed record FigureLine(string Code, string Name, decimal Value, string Unit);

/// <summary>A media item: the outlet or platform, the event, its date, reach and link (the article, the video).</summary>
public sealed record MediaLine(DateOnly Date, string Outlet, string Title, decimal Reach, string? Link);

/// <summary>
/// A unit's activity summary for a period, as the Chinese Anti-Cancer Association asks each unit for it (活动总结表):
/// from the submission as submitted when there is one, else from the figures now.
/// </summary>
public sealed record UnitActivitySummary(
    string Campaign, string Period, DateOnly From, DateOnly To, string Unit, SubmissionStatus Status, DateTime? SubmittedAt, bool AsSubmitted,
    IReadOnlyList<string> Organisations, IReadOnlyList<string> Groups, IReadOnlyList<ActivityLine> Activities,
    IReadOnlyList<FigureLine> Materials, IReadOnlyList<FigureLine> Staff, decimal DirectBeneficiaries, decimal ExpectedBeneficiaries,
    IReadOnlyList<MediaLine> Media);

/// <summary>A file to download.</summary>
public sealed record SummaryFile(string FileName, string ContentType, byte[] Content);

/// <summary>
/// The unit's own form (point 8 of issue 12): its submission for a period as the CACA-style activity summary, as XLSX
/// (MiniExcel, like the report's tables) and PDF (through <see cref="IPdfRenderer"/>). The unit's coordinators and admins
/// may export it; anyone else gets a 403.
/// </summary>
public sealed class UnitActivitySummaryService(
    IDbContextFactory<CampaignHubDbContext> dbFactory,
    SubmissionFigures figures,
    ReportingAccess access,
    IPdfRenderer pdf,
    IStringLocalizer<SharedResource> localizer)
{
    private static readonly string[] MaterialCodes = ["books", "brochures", "av_products"];
    private static readonly string[] StaffCodes = ["staff_medical", "staff_scientists", "staff_organisers", "staff_backstage", "volunteers", "staff_media"];
    private static readonly string[] DirectCodes = ["patients_benefited", "public_benefited"];
    private static readonly string[] ReachCodes = ["reach_tv", "reach_radio", "reach_self_media", "reach_portal", "reach_douyin", "reach_wechat"];

    public async Task<UnitActivitySummary> BuildAsync(Actor actor, int periodId, int unitId, CancellationToken cancellationToken = default)
    {
        access.RequireUnit(actor, unitId);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var period = await db.ReportingPeriods.AsNoTracking().Where(p => p.Id == periodId)
                         .Select(p => new { p.CampaignId, p.Name, p.NameEn, p.From, p.To, Campaign = p.Campaign!.Name, CampaignEn = p.Campaign.NameEn })
                         .FirstOrDefaultAsync(cancellationToken)
                     ?? throw new NotFoundException(string.Format(localizer["Reporting_Period_NotFound"], periodId));
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == unitId && db.Set<CampaignUnit>().Any(c => c.CampaignId == period.CampaignId && c.UnitId == u.Id))
                       .Select(u => new { u.Name, u.NameEn }).FirstOrDefaultAsync(cancellationToken)
                   ?? throw new NotFoundException(string.Format(localizer["Reporting_Error_UnitNotInCampaign"], unitId));
        var submission = await db.UnitSubmissions.AsNoTracking().Where(s => s.ReportingPeriodId == periodId && s.UnitId == unitId)
            .Select(s => new { s.Status, s.SubmittedAt, Submitted = s.Figures != null ? s.Figures.Submitted : null }).FirstOrDefaultAsync(cancellationToken);
        var snapshot = SubmissionSnapshot.FromJson(submission?.Submitted)
                       ?? await figures.CurrentAsync(period.CampaignId, unitId, period.From, period.To, cancellationToken);
        var events = snapshot.Events.Where(e => e.Status != EventStatus.Cancelled).ToList();
        var ids = events.Select(e => e.Id).ToList();
        var details = (await db.Events.AsNoTracking().Where(e => ids.Contains(e.Id))
                .Select(e => new
                {
                    e.Id, e.Platform, e.PlatformDetail, e.Link,
                    Host = e.HostOrganisation != null ? e.HostOrganisation.Name : null,
                    HostEn = e.HostOrganisation != null ? e.HostOrganisation.NameEn : null,
                    HostKind = e.HostOrganisation != null ? (OrganisationKind?)e.HostOrganisation.Kind : null,
                    VenueOrg = e.Venue != null ? e.Venue.Organisation!.Name : null,
                    VenueOrgEn = e.Venue != null ? e.Venue.Organisation!.NameEn : null,
                    Units = e.Units.Where(u => u.UnitId != unitId).Select(u => new { u.Unit!.Name, u.Unit.NameEn }).ToList(),
                })
                .ToListAsync(cancellationToken))
            .ToDictionary(e => e.Id);
        var metrics = await db.MetricDefinitions.AsNoTracking().Select(m => new { m.Code, m.Name, m.NameEn, m.Unit, m.UnitEn })
            .ToDictionaryAsync(m => m.Code, cancellationToken);

        decimal Sum(IEnumerable<string> codes) => codes.Sum(c => snapshot.Totals.Metrics.GetValueOrDefault(c));
        static decimal People(SnapshotEvent e) => DirectCodes.Sum(c => e.Figures.GetValueOrDefault(c));
        IReadOnlyList<FigureLine> Lines(string[] codes) => codes.Where(c => metrics.ContainsKey(c))
            .Select(c => new FigureLine(c, UiLanguage.Pick(metrics[c].Name, metrics[c].NameEn), snapshot.Totals.Metrics.GetValueOrDefault(c),
                UiLanguage.IsEnglish ? metrics[c].UnitEn : metrics[c].Unit)).ToList();

        var organisations = details.Values
            .SelectMany(d => new[] { d.Host is null ? null : UiLanguage.Pick(d.Host, d.HostEn), d.VenueOrg is null ? null : UiLanguage.Pick(d.VenueOrg, d.VenueOrgEn) })
            .OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        var groups = details.Values.SelectMany(d => d.Units).Select(u => UiLanguage.Pick(u.Name, u.NameEn)).Distinct().Order(StringComparer.Ordinal).ToList();
        var activities = events.GroupBy(e => e.Kind).OrderBy(g => g.Key)
            .Select(g => new ActivityLine(CodeTexts.Name(localizer, g.Key),
                g.Count(e => e.Channel == EventChannel.Offline), g.Count(e => e.Channel == EventChannel.Online),
                g.Where(e => e.Channel == EventChannel.Offline).Sum(People), g.Where(e => e.Channel == EventChannel.Online).Sum(People)))
            .ToList();
        var media = events
            .Where(e => e.Kind is EventKind.MediaInterview or EventKind.Broadcast || ReachCodes.Any(e.Figures.ContainsKey)
                        || details.GetValueOrDefault(e.Id)?.Link is not null)
            .Select(e =>
            {
                var d = details.GetValueOrDefault(e.Id);
                var outlet = d?.HostKind == OrganisationKind.Media && d.Host is not null ? UiLanguage.Pick(d.Host, d.HostEn)
                    : !string.IsNullOrWhiteSpace(d?.PlatformDetail) ? d.PlatformDetail
                    : d?.Platform is { } platform ? CodeTexts.Name(localizer, platform)
                    : d?.Host ?? "";
                return new MediaLine(DateOnly.FromDateTime(e.Start), outlet, e.Title, ReachCodes.Sum(c => e.Figures.GetValueOrDefault(c)), d?.Link);
            })
            .ToList();
        return new UnitActivitySummary(
            UiLanguage.Pick(period.Campaign, period.CampaignEn), UiLanguage.Pick(period.Name, period.NameEn), period.From, period.To,
            UiLanguage.Pick(unit.Name, unit.NameEn), submission?.Status ?? SubmissionStatus.NotStarted, SubmissionService.Utc(submission?.SubmittedAt),
            submission?.Submitted is not null, organisations, groups, activities, Lines(MaterialCodes), Lines(StaffCodes), Sum(DirectCodes), Sum(ReachCodes), media);
    }

    public async Task<SummaryFile> XlsxAsync(Actor actor, int periodId, int unitId, CancellationToken cancellationToken = default)
    {
        var summary = await BuildAsync(actor, periodId, unitId, cancellationToken);
        var rows = Rows(summary).Select(r => r.Select((cell, i) => (key: "c" + i.ToString(CultureInfo.InvariantCulture), cell: cell is LinkCell link ? link.Url : cell))
            .ToDictionary(x => x.key, x => x.cell)).ToList();
        var width = rows.Max(r => r.Count);
        foreach (var row in rows)
        {
            for (var i = row.Count; i < width; i++)
            {
                row["c" + i.ToString(CultureInfo.InvariantCulture)] = null;
            }
        }

        using var output = new MemoryStream();
        output.SaveAs(new Dictionary<string, object> { [localizer["UnitSummary_Sheet"]] = rows }, printHeader: false, excelType: ExcelType.XLSX);
        return new SummaryFile(FileName(summary, "xlsx"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", output.ToArray());
    }

    public async Task<SummaryFile> PdfAsync(Actor actor, int periodId, int unitId, CancellationToken cancellationToken = default)
    {
        var summary = await BuildAsync(actor, periodId, unitId, cancellationToken);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>").Append(ReportFonts.FontFaceCss)
            .Append("body{font-family:").Append(ReportFonts.Stack).Append(";font-size:10.5pt}table{border-collapse:collapse;width:100%;margin-bottom:8pt}")
            .Append("td,th{border:1px solid #444;padding:3pt 5pt;vertical-align:top}th{background:#eee;text-align:left}td.n{text-align:right}td{overflow-wrap:anywhere}")
            .Append("h1{font-size:16pt;text-align:center}h2{font-size:12pt;margin:10pt 0 4pt}</style></head><body>");
        html.Append("<h1>").Append(E(localizer["UnitSummary_Title"])).Append("</h1><table>");
        foreach (var row in Rows(summary).Skip(1))
        {
            var cells = row.Where(c => c is not null).ToList();
            if (cells.Count == 1 && row.Count(c => c is not null) == 1 && row[0] is string heading && Headings(summary).Contains(heading))
            {
                html.Append("<tr><th colspan=\"5\">").Append(E(heading)).Append("</th></tr>");
                continue;
            }

            html.Append("<tr>");
            foreach (var cell in row)
            {
                if (cell is LinkCell link)
                {
                    // Saved only as an http(s) address (EventInputValidator); a link the reader can follow from the PDF.
                    html.Append("<td><a href=\"").Append(E(link.Url)).Append("\">").Append(E(link.Url)).Append("</a></td>");
                    continue;
                }

                html.Append(cell is decimal or int ? "<td class=\"n\">" : "<td>").Append(E(Text(cell))).Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</table></body></html>");
        var content = await pdf.RenderAsync(html.ToString(), new PdfPageOptions { Title = $"{summary.Unit} · {summary.Period}" }, cancellationToken);
        return new SummaryFile(FileName(summary, "pdf"), "application/pdf", content);
    }

    private HashSet<string> Headings(UnitActivitySummary s) =>
    [
        localizer["UnitSummary_Organisations"], localizer["UnitSummary_Activities"], localizer["UnitSummary_Materials"],
        localizer["UnitSummary_Staff"], localizer["UnitSummary_Beneficiaries"], localizer["UnitSummary_Media"],
    ];

    /// <summary>The form's rows, the same for the sheet and the PDF: a section heading, then its lines.</summary>
    private List<object?[]> Rows(UnitActivitySummary s)
    {
        string L(string key) => localizer[key];
        var rows = new List<object?[]>
        {
            new object?[] { L("UnitSummary_Title") },
            new object?[] { L("UnitSummary_Unit"), s.Unit },
            new object?[] { L("UnitSummary_Campaign"), s.Campaign },
            new object?[] { L("UnitSummary_Period"), $"{s.Period} ({Iso(s.From)} – {Iso(s.To)})" },
            new object?[] { L("UnitSummary_Status"), CodeTexts.Name(localizer, s.Status) + (s.SubmittedAt is { } at ? $" · {at:yyyy-MM-dd HH:mm} UTC" : "")
                                                     + (s.AsSubmitted ? "" : " · " + L("UnitSummary_NotSubmitted")) },
            new object?[] { L("UnitSummary_Organisations") },
            new object?[] { L("UnitSummary_Hospitals"), string.Join("、", s.Organisations) },
            new object?[] { L("UnitSummary_Groups"), string.Join("、", s.Groups) },
            new object?[] { L("UnitSummary_Activities") },
            new object?[] { L("UnitSummary_Kind"), L("UnitSummary_Offline"), L("UnitSummary_Online"), L("UnitSummary_OfflineAttendees"), L("UnitSummary_OnlineViewers") },
        };
        rows.AddRange(s.Activities.Select(a => new object?[] { a.Kind, a.Offline, a.Online, a.OfflineAttendees, a.OnlineViewers }));
        rows.Add([L("UnitSummary_Materials")]);
        rows.AddRange(s.Materials.Select(m => new object?[] { m.Name, m.Value, m.Unit }));
        rows.Add([L("UnitSummary_Staff")]);
        rows.AddRange(s.Staff.Select(m => new object?[] { m.Name, m.Value, m.Unit }));
        rows.Add([L("UnitSummary_Beneficiaries")]);
        rows.Add([L("UnitSummary_Direct"), s.DirectBeneficiaries]);
        rows.Add([L("UnitSummary_Expected"), s.ExpectedBeneficiaries]);
        rows.Add([L("UnitSummary_Media")]);
        rows.Add([L("UnitSummary_Date"), L("UnitSummary_Outlet"), L("UnitSummary_EventTitle"), L("UnitSummary_Reach"), L("UnitSummary_Link")]);
        rows.AddRange(s.Media.Select(m => new object?[] { Iso(m.Date), m.Outlet, m.Title, m.Reach, m.Link is null ? null : new LinkCell(m.Link) }));
        return rows;
    }

    /// <summary>A web address in the form: text in the sheet, a followable link in the PDF.</summary>
    private sealed record LinkCell(string Url);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Text(object? cell) => cell switch
    {
        null => "",
        decimal d => d.ToString("#,0.##", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string FileName(UnitActivitySummary s, string extension)
    {
        var invalid = Path.GetInvalidFileNameChars().Concat(['"', '\\', '/', ':', '*', '?', '<', '>', '|']).ToHashSet();
        var name = new string($"{s.Unit} {s.Period}".Select(c => invalid.Contains(c) || char.IsControl(c) ? '_' : c).ToArray()).Trim();
        return $"活动总结表 {(name.Length > 80 ? name[..80] : name)}.{extension}";
    }
}
