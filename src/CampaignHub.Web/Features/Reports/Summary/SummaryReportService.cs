using System.Globalization;
using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Association;
using CampaignHub.Web.Features.Common;
using CampaignHub.Web.Features.Events;
using CampaignHub.Web.Features.Totals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampaignHub.Web.Features.Reports.Summary;

/// <summary>
/// The summary report of a campaign (or of one committee within it) over a period, for admins and coordinators.
/// Its numbers come from <see cref="CampaignStatisticsService"/>, aggregated in the database; only the highlighted
/// events (at most <see cref="MaxSections"/>) are read one by one, so the report's cost hardly grows with the
/// number of events.
/// </summary>
public sealed class SummaryReportService(
    IDbContextFactory<CampaignHubDbContext> dbFactory,
    CampaignStatisticsService statistics,
    AssociationClock clock,
    RazorHtmlRenderer razor,
    IPdfRenderer pdf,
    IStringLocalizer<SharedResource> localizer)
{
    public const int MaxSections = 50;
    public const int MaxPhotosPerSection = 2;
    public const int MaxPhotoBytes = 2 * 1024 * 1024;

    /// <summary>All photos of one report together; keeps the document (and the PDF) to a size a browser renders quickly.</summary>
    public const int MaxPhotoBytesPerReport = 24 * 1024 * 1024;

    public async Task<SummaryReport> BuildAsync(Actor actor, SummaryReportQuery query, CancellationToken cancellationToken = default)
    {
        RequireReader(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var scope = await ResolveAsync(db, query, cancellationToken);
        var texts = scope.Texts;
        var stats = await statistics.GetAsync(scope.Totals, cancellationToken);
        var (sections, highlighted) = await SectionsAsync(db, texts, scope.Totals, cancellationToken);

        return new SummaryReport(
            query.CampaignId, query.CommitteeId, scope.Totals.From!.Value, scope.Totals.To!.Value, texts.Language,
            SummaryReportWriter.Title(texts, scope.Campaign, scope.CommitteeName),
            texts.Name(scope.Campaign.Name, scope.Campaign.NameEn),
            scope.CommitteeName,
            SummaryReportWriter.Opening(texts, scope.Campaign, stats, scope.CommitteeName, sections.Count > 0),
            sections,
            highlighted > sections.Count ? texts.Format("Report_Sections_More", highlighted - sections.Count, sections.Count) : null,
            SummaryReportWriter.Committees(texts, stats),
            SummaryReportWriter.Totals(texts, stats),
            stats,
            clock.Now);
    }

    /// <summary>The report as the HTML document the preview shows and the PDF is printed from.</summary>
    public Task<string> RenderHtmlAsync(SummaryReport report) =>
        razor.RenderAsync<SummaryReportDocument>(new Dictionary<string, object?> { [nameof(SummaryReportDocument.Report)] = report });

    /// <summary>
    /// The report as an A4 PDF with the campaign's name and page numbers in the footer.
    /// </summary>
    /// <exception cref="PdfRendererUnavailableException">Chromium is not installed.</exception>
    public async Task<ReportFile> RenderPdfAsync(SummaryReport report, CancellationToken cancellationToken = default)
    {
        var html = await RenderHtmlAsync(report);
        var footer = report.CommitteeName is null ? report.CampaignName : $"{report.CampaignName} · {report.CommitteeName}";
        var options = new PdfPageOptions { Title = footer, MarginTop = "15mm", MarginRight = "14mm", MarginBottom = "18mm", MarginLeft = "14mm" };
        var content = await pdf.RenderAsync(html, options, cancellationToken);
        return new ReportFile(FileName(report, "pdf"), "application/pdf", content);
    }

    /// <summary>The totals tables as an XLSX workbook in the report's language: no sections, no photos, no browser.</summary>
    public async Task<ReportFile> TotalsWorkbookAsync(Actor actor, SummaryReportQuery query, CancellationToken cancellationToken = default)
    {
        RequireReader(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var scope = await ResolveAsync(db, query, cancellationToken);
        var stats = await statistics.GetAsync(scope.Totals, cancellationToken);
        var title = SummaryReportWriter.Title(scope.Texts, scope.Campaign, scope.CommitteeName);
        return new ReportFile(
            FileName(title, stats.From, stats.To, "xlsx"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            SummaryReportWorkbook.Write(scope.Texts, stats));
    }

    /// <summary>
    /// Checks the query against the campaign: the language, a period within the campaign, a known committee. An
    /// unknown campaign is a 404; every other problem is a field error, all of them at once.
    /// </summary>
    private async Task<ReportScope> ResolveAsync(CampaignHubDbContext db, SummaryReportQuery query, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsNoTracking()
            .Where(c => c.Id == query.CampaignId)
            .Select(c => new
            {
                c.Name, c.NameEn, c.Theme, c.ThemeEn, c.Edition, c.StartDate, c.EndDate,
                Organisers = c.Organisers.OrderBy(o => o.SortOrder).Select(o => new { o.Organisation!.Name, o.Organisation.NameEn }).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException(string.Format(localizer["Campaign_NotFound"], query.CampaignId));

        var errors = new ValidationErrors();
        var language = query.Language is null ? DefaultLanguage() : ReportTexts.Match(query.Language);
        if (language is null)
        {
            errors.Add("lang", string.Format(localizer["Report_Error_Language"], query.Language));
        }

        var from = query.From ?? campaign.StartDate;
        var to = query.To ?? campaign.EndDate;
        var within = string.Format(localizer["Report_Error_OutsideCampaign"], Iso(campaign.StartDate), Iso(campaign.EndDate));
        if (from < campaign.StartDate || from > campaign.EndDate)
        {
            errors.Add("from", within);
        }

        if (to < from)
        {
            errors.Add("to", localizer["Totals_Error_ToBeforeFrom"]);
        }
        else if (to > campaign.EndDate || to < campaign.StartDate)
        {
            errors.Add("to", within);
        }

        var committee = query.CommitteeId is { } committeeId
            ? await db.Committees.AsNoTracking().Where(c => c.Id == committeeId).Select(c => new { c.Name, c.NameEn }).FirstOrDefaultAsync(cancellationToken)
            : null;
        if (query.CommitteeId is not null && committee is null)
        {
            errors.Add("committeeId", string.Format(localizer["Event_Error_UnknownCommittee"], query.CommitteeId));
        }

        errors.ThrowIfAny();
        var texts = new ReportTexts(localizer, language!);
        var info = new ReportCampaign(campaign.Name, campaign.NameEn, campaign.Theme, campaign.ThemeEn, campaign.Edition,
            campaign.StartDate, campaign.EndDate, campaign.Organisers.Select(o => (o.Name, o.NameEn)).ToList());
        return new ReportScope(texts, info, committee is null ? null : texts.Name(committee.Name, committee.NameEn),
            new TotalsQuery(query.CampaignId, from, to, query.CommitteeId));
    }

    private sealed record ReportScope(ReportTexts Texts, ReportCampaign Campaign, string? CommitteeName, TotalsQuery Totals);

    public static string FileName(SummaryReport report, string extension) => FileName(report.Title, report.From, report.To, extension);

    /// <summary>"山西省…活动总结 2021-04-15–2021-04-21.pdf": the title without characters file systems refuse.</summary>
    internal static string FileName(string title, DateOnly from, DateOnly to, string extension)
    {
        var invalid = Path.GetInvalidFileNameChars().Concat(['"', '\\', '/', ':', '*', '?', '<', '>', '|']).ToHashSet();
        var name = new string(title.Select(c => invalid.Contains(c) || char.IsControl(c) ? '_' : c).ToArray()).Trim();
        if (name.Length > 100)
        {
            name = name[..100];
        }

        return $"{name} {Iso(from)}–{Iso(to)}.{extension}";
    }

    /// <summary>Admins and coordinators write and read reports; hospital staff only read schedules.</summary>
    public void RequireReader(Actor actor)
    {
        if (!actor.IsAdmin && !actor.IsCoordinator)
        {
            throw new ForbiddenException(localizer["Report_Forbidden"]);
        }
    }

    /// <summary>The reader's own language when it is one a report is written in; Chinese otherwise.</summary>
    private static string DefaultLanguage() =>
        ReportTexts.Match(CultureInfo.CurrentUICulture.Name) ?? ReportTexts.Match(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName) ?? ReportTexts.Chinese;

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The highlighted events in date order (the first <see cref="MaxSections"/>), and how many there are in all.</summary>
    private static async Task<(IReadOnlyList<ReportSection> Sections, int Highlighted)> SectionsAsync(
        CampaignHubDbContext db, ReportTexts texts, TotalsQuery query, CancellationToken cancellationToken)
    {
        var start = query.From!.Value.ToDateTime(TimeOnly.MinValue);
        var end = Period.EndAfter(query.To!.Value);
        var highlighted = db.Events.AsNoTracking().Where(e => e.CampaignId == query.CampaignId && e.Highlight
            && e.Status != EventStatus.Cancelled && e.StartsAt >= start && e.StartsAt < end);
        if (query.CommitteeId is { } only)
        {
            highlighted = highlighted.Where(e => e.Committees.Any(c => c.CommitteeId == only));
        }

        var count = await highlighted.CountAsync(cancellationToken);
        if (count == 0)
        {
            return ([], 0);
        }

        var rows = await highlighted.OrderBy(e => e.StartsAt).ThenBy(e => e.Id).Take(MaxSections)
            .Select(e => new
            {
                e.Id, e.Title, e.Kind, e.Channel, e.Platform, e.PlatformDetail, e.StartsAt, e.EndsAt, e.Location, e.Narrative,
                Venue = e.Venue != null ? e.Venue.Name : null,
                Host = e.HostOrganisation != null ? e.HostOrganisation.Name : null,
                HostEn = e.HostOrganisation != null ? e.HostOrganisation.NameEn : null,
            })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();

        var committees = (await db.EventCommittees.AsNoTracking().Where(c => ids.Contains(c.EventId))
                .OrderBy(c => c.CommitteeId)
                .Select(c => new { c.EventId, c.Committee!.Name, c.Committee.NameEn })
                .ToListAsync(cancellationToken))
            .ToLookup(c => c.EventId, c => texts.Name(c.Name, c.NameEn));
        var catalogue = await db.MetricDefinitions.AsNoTracking().OrderBy(m => m.SortOrder).ThenBy(m => m.Id).ToListAsync(cancellationToken);
        var order = catalogue.Select((m, i) => (m.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var figures = (await db.MetricValues.AsNoTracking().Where(v => v.EventId != null && ids.Contains(v.EventId.Value))
                .Select(v => new { EventId = v.EventId!.Value, v.MetricDefinitionId, v.Value })
                .ToListAsync(cancellationToken))
            .ToLookup(v => v.EventId);
        var metricById = catalogue.ToDictionary(m => m.Id);
        var photos = await PhotosAsync(db, texts, ids, cancellationToken);

        var sections = rows.Select((r, i) =>
        {
            var place = r.Venue ?? (r.Host is null ? null : texts.Name(r.Host, r.HostEn)) ?? r.Location;
            var platform = r.Platform is { } p ? texts[$"OnlinePlatform_{Codes<OnlinePlatform>.Of(p)}"] : null;
            string?[] facts =
            [
                When(texts, r.StartsAt, r.EndsAt),
                texts[$"EventKind_{Codes<EventKind>.Of(r.Kind)}"] + " · " + texts[$"EventChannel_{Codes<EventChannel>.Of(r.Channel)}"],
                string.Join(" ", new[] { platform, r.PlatformDetail }.Where(s => !string.IsNullOrWhiteSpace(s))),
                place,
                texts.List(committees[r.Id].ToList(), enumeration: true),
            ];
            var eventFigures = figures[r.Id].OrderBy(f => order[f.MetricDefinitionId])
                .Select(f => ToTotal(metricById[f.MetricDefinitionId], f.Value));
            var (embedded, notes) = photos.GetValueOrDefault(r.Id, ([], []));
            return new ReportSection(
                r.Id,
                texts.SectionNumber(i + 1),
                r.Title,
                string.Join(" · ", facts.Where(f => !string.IsNullOrWhiteSpace(f))),
                (r.Narrative ?? "").Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).ToList(),
                SummaryReportWriter.EventFigures(texts, eventFigures),
                embedded,
                notes);
        }).ToList();
        return (sections, count);
    }

    private static MetricTotal ToTotal(MetricDefinition m, decimal value) =>
        new(m.Code, m.Name, m.NameEn, m.Unit, m.UnitEn, Codes<MetricGroup>.Of(m.Group), value);

    /// <summary>"2021年4月15日 09:00–11:30", or both days when the event spans several.</summary>
    private static string When(ReportTexts texts, DateTime start, DateTime end)
    {
        var startDay = DateOnly.FromDateTime(start);
        var endDay = DateOnly.FromDateTime(end);
        return startDay == endDay
            ? $"{texts.Date(startDay)} {start:HH\\:mm}–{end:HH\\:mm}"
            : $"{texts.Date(startDay)} {start:HH\\:mm} – {texts.Date(endDay)} {end:HH\\:mm}";
    }

    /// <summary>
    /// The first photos of each section as data: URLs. A photo whose bytes are not an image, or that is too large,
    /// is left out with a note: a broken file never breaks the report.
    /// </summary>
    private static async Task<Dictionary<int, (IReadOnlyList<ReportPhoto>, IReadOnlyList<string>)>> PhotosAsync(
        CampaignHubDbContext db, ReportTexts texts, List<int> eventIds, CancellationToken cancellationToken)
    {
        var listed = (await db.EventPhotos.AsNoTracking().Where(p => eventIds.Contains(p.EventId))
                .OrderBy(p => p.Id)
                .Select(p => new { p.Id, p.EventId, p.FileName, p.Length, p.Caption, HasCopy = p.ReportImage != null })
                .ToListAsync(cancellationToken))
            .GroupBy(p => p.EventId)
            .SelectMany(g => g.Take(MaxPhotosPerSection))
            .ToList();
        // The small copy made at upload; a photo stored before copies existed goes in as it is, if its size allows.
        var wanted = listed.Where(p => p.HasCopy || p.Length <= MaxPhotoBytes).Select(p => p.Id).ToList();
        var contents = wanted.Count == 0
            ? []
            : (await db.EventPhotos.AsNoTracking().Where(p => wanted.Contains(p.Id))
                .Select(p => new { p.Id, Content = p.ReportImage ?? p.Content }).ToListAsync(cancellationToken))
                // An old photo without a copy whose header declares a pixel bomb stays out; one that is no image at all
                // goes on, to be noted as broken below.
                .Where(p => listed.First(l => l.Id == p.Id).HasCopy || PhotoImages.ReadSize(p.Content) is not { IsWithinLimits: false })
                .ToDictionary(p => p.Id, p => p.Content);

        var result = new Dictionary<int, (IReadOnlyList<ReportPhoto>, IReadOnlyList<string>)>();
        long budget = MaxPhotoBytesPerReport;
        foreach (var group in listed.GroupBy(p => p.EventId))
        {
            var embedded = new List<ReportPhoto>();
            var notes = new List<string>();
            foreach (var photo in group)
            {
                var content = contents.GetValueOrDefault(photo.Id);
                var type = content is null ? null : PhotoRules.DetectContentType(content);
                if (content is null || content.Length > MaxPhotoBytes)
                {
                    notes.Add(texts.Format("Report_Photo_TooLarge", photo.FileName, MaxPhotoBytes / 1024 / 1024));
                }
                else if (type is null)
                {
                    notes.Add(texts.Format("Report_Photo_Broken", photo.FileName));
                }
                else if (content.Length > budget)
                {
                    notes.Add(texts.Format("Report_Photo_NoRoom", photo.FileName, MaxPhotoBytesPerReport / 1024 / 1024));
                }
                else
                {
                    budget -= content.Length;
                    embedded.Add(new ReportPhoto($"data:{type};base64,{Convert.ToBase64String(content)}", photo.Caption));
                }
            }

            result[group.Key] = (embedded, notes);
        }

        return result;
    }
}
