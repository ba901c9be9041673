using System.Globalization;
using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Association;
using CampaignHub.Web.Features.Campaigns;
using CampaignHub.Web.Features.Common;
using CampaignHub.Web.Features.Events;
using CampaignHub.Web.Features.Programmes;
using CampaignHub.Web.Features.Reporting;
using CampaignHub.Web.Features.Units;
using CampaignHub.Web.Features.Reports.Summary.Word;
using CampaignHub.Web.Features.Totals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampaignHub.Web.Features.Reports.Summary;

/// <summary>
/// The summary report of a campaign (or of one unit within it) over a period, for admins and coordinators.
/// Its numbers come from <see cref="CampaignStatisticsService"/>, aggregated in the database; only the events its
/// sections tell (the highlighted ones, at most <see cref="MaxStoryEvents"/>) are read one by one, so the report's
/// cost hardly grows with the number of events. Made from a draft (<see cref="ReportDraftWriter"/> writes a new one)
/// into one document (<see cref="SummaryReportBuilder"/>) that two writers print: HTML (preview, PDF) and Word.
/// </summary>
public sealed class SummaryReportService(
    IDbContextFactory<CampaignHubDbContext> dbFactory,
    CampaignStatisticsService statistics,
    ProgrammeService programmes,
    ReportApprovals approvals,
    AssociationClock clock,
    RazorHtmlRenderer razor,
    IPdfRenderer pdf,
    IStringLocalizer<SharedResource> localizer)
{
    public const int MaxPhotosPerSection = 2;
    public const int MaxPhotoBytes = 2 * 1024 * 1024;

    /// <summary>All photos of one report together; keeps the document (and the PDF) to a size a browser renders quickly.</summary>
    public const int MaxPhotoBytesPerReport = 24 * 1024 * 1024;

    /// <summary>Sections a new draft has at most; the events beyond are named in a note the author sees.</summary>
    public const int MaxSections = 50;

    /// <summary>Highlighted events a new draft tells at most; beyond them a report names the rest in its tables only.</summary>
    public const int MaxStoryEvents = 500;

    /// <summary>Upcoming events a report names at most; it says how many more there are.</summary>
    public const int MaxUpcoming = 20;

    /// <summary>The report as generated: a new draft of the data, not stored, made into the document.</summary>
    public async Task<SummaryReport> BuildAsync(Actor actor, SummaryReportQuery query, CancellationToken cancellationToken = default)
    {
        RequireReader(actor);
        var source = await LoadSourceAsync(query, [], cancellationToken);
        return await BuildAsync(source, null, ReportDraftWriter.Title(source), ReportDraftWriter.Blocks(source), cancellationToken);
    }

    /// <summary>
    /// A programme's report, rolled up from its campaigns and its sub-programmes': the opening naming the programme and
    /// its campaigns, a table of the campaigns (edition, events, people served), the years with running totals, the
    /// totals with the previous period and a year earlier beside them, the charts. The same document model and writers
    /// as a campaign's report.
    /// </summary>
    public async Task<SummaryReport> BuildProgrammeAsync(Actor actor, ProgrammeReportQuery query, CancellationToken cancellationToken = default)
    {
        RequireReader(actor);
        var source = await LoadProgrammeSourceAsync(query, cancellationToken);
        return SummaryReportBuilder.Build(source, null, ReportDraftWriter.Title(source), ReportDraftWriter.Blocks(source),
            new Dictionary<int, SummaryReportBuilder.EventPhotos>(), clock.Now);
    }

    private async Task<ReportSource> LoadProgrammeSourceAsync(ProgrammeReportQuery query, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        // A programme has no report language of its own: without one asked for, Chinese, as a campaign without one.
        var language = query.Language is null ? ReportTexts.Chinese : ReportTexts.Match(query.Language);
        if (language is null)
        {
            errors.Add("lang", string.Format(localizer["Report_Error_Language"], query.Language));
        }

        if (query.From is { } start && query.To is { } finish && finish < start)
        {
            errors.Add("to", localizer["Totals_Error_ToBeforeFrom"]);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var programme = await db.Programmes.AsNoTracking().Where(p => p.Id == query.ProgrammeId)
            .Select(p => new { p.Name, p.NameEn, p.Description, p.DescriptionEn })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException(string.Format(localizer["Programmes_NotFound"], query.ProgrammeId));
        errors.ThrowIfAny();

        var rollUp = await programmes.GetTotalsAsync(query.ProgrammeId, query.From, query.To, compare: false, cancellationToken);
        var ids = rollUp.Campaigns.Select(c => c.CampaignId).ToArray();
        var (from, to) = (rollUp.From, rollUp.To);
        var stats = await statistics.GetAsync(query.ProgrammeId, ids, from, to, compare: true, cancellationToken);

        var unitKind = UnitWords.Common(await db.Set<CampaignUnit>().AsNoTracking()
            .Where(u => ids.Contains(u.CampaignId)).Select(u => u.Unit!.Kind).Distinct().ToListAsync(cancellationToken));
        var texts = new ReportTexts(localizer, language!, unitKind);
        // The organisers of its campaigns, the first campaign's first: the association that runs the programme leads.
        var order = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var organisers = (await db.Set<CampaignOrganiser>().AsNoTracking().Where(o => ids.Contains(o.CampaignId))
                .Select(o => new { o.CampaignId, o.SortOrder, o.OrganisationId, o.Organisation!.Name, o.Organisation.NameEn })
                .ToListAsync(cancellationToken))
            .OrderBy(o => order[o.CampaignId]).ThenBy(o => o.SortOrder)
            .DistinctBy(o => o.OrganisationId)
            .Select(o => (o.Name, o.NameEn))
            .ToList();
        var info = new ReportCampaign(programme.Name, programme.NameEn, null, null, null, null, programme.Description, programme.DescriptionEn,
            null, null, from, to, organisers);
        var kinds = stats.Totals.Events.Keys.Select(Codes<EventKind>.Parse).ToList();
        var upcoming = await UpcomingAsync(db.Events.AsNoTracking().Where(e => ids.Contains(e.CampaignId)), from, to, clock.Now, cancellationToken);
        var codes = await db.MetricDefinitions.AsNoTracking().OrderBy(m => m.SortOrder).ThenBy(m => m.Id).Select(m => m.Code).ToListAsync(cancellationToken);
        return new ReportSource(0, null, null, null, from, to, texts, info, stats, codes, new Dictionary<int, ReportEvent>(), [], kinds)
        {
            Upcoming = upcoming,
            RollUp = rollUp,
        };
    }

    /// <summary>A draft's blocks made into the document, with the photos of the sections that show them.</summary>
    public async Task<SummaryReport> BuildAsync(
        ReportSource source, int? draftId, string title, IReadOnlyList<ReportDraftBlock> blocks, CancellationToken cancellationToken = default)
    {
        var withPhotos = blocks.Where(b => b.Kind == ReportDraftBlockKind.Section && b.ShowPhotos)
            .SelectMany(b => b.EventIds).Where(source.Events.ContainsKey).Distinct().ToList();
        Dictionary<int, SummaryReportBuilder.EventPhotos> photos = [];
        if (withPhotos.Count > 0)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            photos = await PhotosAsync(db, source.Texts, withPhotos, cancellationToken);
        }

        return SummaryReportBuilder.Build(source, draftId, title, blocks, photos, clock.Now);
    }

    /// <summary>The report as the HTML document the preview shows and the PDF is printed from; the editor's preview marks its fields.</summary>
    public Task<string> RenderHtmlAsync(SummaryReport report, bool markFields = false) =>
        razor.RenderAsync<SummaryReportDocument>(new Dictionary<string, object?>
        {
            [nameof(SummaryReportDocument.Report)] = report,
            [nameof(SummaryReportDocument.MarkFields)] = markFields,
        });

    /// <summary>
    /// The report as an A4 PDF with the campaign's name and page numbers in the footer.
    /// </summary>
    /// <exception cref="PdfRendererUnavailableException">Chromium is not installed.</exception>
    public async Task<ReportFile> RenderPdfAsync(SummaryReport report, CancellationToken cancellationToken = default)
    {
        var html = await RenderHtmlAsync(report);
        var footer = report.UnitName is null ? report.CampaignName : $"{report.CampaignName} · {report.UnitName}";
        var options = new PdfPageOptions { Title = footer, MarginTop = "15mm", MarginRight = "14mm", MarginBottom = "18mm", MarginLeft = "14mm" };
        var content = await pdf.RenderAsync(html, options, cancellationToken);
        return new ReportFile(FileName(report, "pdf"), "application/pdf", content);
    }

    /// <summary>The same document as a Word file (Word styles, Chinese fonts, A4, page numbers); no browser needed.</summary>
    public ReportFile RenderDocx(SummaryReport report) =>
        new(FileName(report, "docx"), SummaryReportDocx.ContentType, SummaryReportDocx.Write(report, new ReportTexts(localizer, report.Language, report.UnitKind)));

    /// <summary>The totals tables as an XLSX workbook in the report's language: no sections, no photos, no browser.</summary>
    public async Task<ReportFile> TotalsWorkbookAsync(Actor actor, SummaryReportQuery query, CancellationToken cancellationToken = default)
    {
        RequireReader(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var scope = await ResolveAsync(db, query, cancellationToken);
        var stats = await statistics.GetAsync(scope.Totals, cancellationToken);
        var title = ReportDraftWriter.Title(new ReportSource(query.CampaignId, query.UnitId, scope.UnitName, scope.UnitNameEn,
            stats.From, stats.To, scope.Texts, scope.Campaign, stats, [], new Dictionary<int, ReportEvent>(), [], []));
        return new ReportFile(
            FileName(title, stats.From, stats.To, "xlsx"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            SummaryReportWorkbook.Write(scope.Texts, stats));
    }

    /// <summary>
    /// Everything a report of <paramref name="query"/> is written from: the campaign, the period's statistics, and
    /// the events it may tell: its story (see <see cref="ReportSource.Story"/>) and <paramref name="eventIds"/> (a
    /// draft's). Cancelled events and events of other campaigns are never told. The caller checks who may read.
    /// </summary>
    public async Task<ReportSource> LoadSourceAsync(SummaryReportQuery query, IReadOnlyCollection<int> eventIds, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var scope = await ResolveAsync(db, query, cancellationToken);
        var stats = await statistics.GetAsync(scope.Totals with { Compare = true }, cancellationToken);

        // The campaign's whole story: a report that starts (ends) with the campaign tells its lead-up (follow-up) too.
        // It tells what has happened: events not started yet are named as upcoming instead (HeldRule).
        var from = scope.Totals.From!.Value;
        var to = scope.Totals.To!.Value;
        var now = clock.Now;
        var start = from == scope.Campaign.StartDate ? DateTime.MinValue : from.ToDateTime(TimeOnly.MinValue);
        var end = to == scope.Campaign.EndDate ? DateTime.MaxValue : Period.EndAfter(to);
        var campaignEvents = db.Events.AsNoTracking().Where(e => e.CampaignId == query.CampaignId);
        if (query.UnitId is { } only)
        {
            campaignEvents = campaignEvents.Where(e => e.Units.Any(c => c.UnitId == only));
        }

        if (scope.Totals.Units is { } approved)
        {
            var ids = approved.ToList();
            campaignEvents = campaignEvents.Where(e => e.Units.Any(c => ids.Contains(c.UnitId)));
        }

        var told = campaignEvents.Where(HeldRule.Counted(now)).Where(e => e.StartsAt >= start && e.StartsAt < end);
        var story = await told.Where(e => e.Highlight).OrderBy(e => e.StartsAt).ThenBy(e => e.Id).Take(MaxStoryEvents)
            .Select(e => e.Id).ToListAsync(cancellationToken);
        // A roadshow's stops are told whether highlighted or not, its next stop (still to come) included.
        var stopIds = await campaignEvents.Where(e => e.Status != EventStatus.Cancelled && e.StartsAt >= start && e.StartsAt < end)
            .Where(e => e.SeriesName != null && e.StopNumber != null)
            .OrderBy(e => e.StartsAt).ThenBy(e => e.Id).Take(MaxStoryEvents).Select(e => e.Id).ToListAsync(cancellationToken);
        // The kinds the whole story held, from the tallies: a dozen rows a month, not every event.
        var storyScope = TallyScope.Of([query.CampaignId], from == scope.Campaign.StartDate ? DateOnly.MinValue : from,
            to == scope.Campaign.EndDate ? DateOnly.MaxValue : to, query.UnitId, scope.Totals.Units);
        var kinds = await Tallies.Events(db, storyScope, now).Where(HeldRule.CountedRow(DateOnly.FromDateTime(now)))
            .Select(t => t.Kind).Distinct().ToListAsync(cancellationToken);
        var upcoming = await UpcomingAsync(campaignEvents, from, to, now, cancellationToken);
        var catalogue = await db.MetricDefinitions.AsNoTracking().OrderBy(m => m.SortOrder).ThenBy(m => m.Id).ToListAsync(cancellationToken);
        var events = await EventsAsync(db, query.CampaignId, story.Concat(eventIds).Concat(stopIds).Distinct().ToList(), catalogue, cancellationToken);

        var results = (await ResultDefinitions.LoadAsync(db, query.CampaignId, cancellationToken)).Evaluate(stats.Totals);
        return new ReportSource(query.CampaignId, query.UnitId, scope.UnitName, scope.UnitNameEn, from, to, scope.Texts,
            scope.Campaign, stats, catalogue.Select(m => m.Code).ToList(), events, story.Where(events.ContainsKey).ToList(), kinds, scope.ApprovalNote)
        {
            Upcoming = upcoming,
            Stops = ReportStop.Of(stopIds.Where(events.ContainsKey).Select(id => events[id]), clock.Today),
            Results = results,
        };
    }

    /// <summary>The first events of the period that have not started yet, with where they will be.</summary>
    internal static async Task<List<ReportUpcoming>> UpcomingAsync(
        IQueryable<CampaignEvent> events, DateOnly from, DateOnly to, DateTime now, CancellationToken cancellationToken)
    {
        var start = from.ToDateTime(TimeOnly.MinValue);
        var end = Period.EndAfter(to);
        var rows = await events.Where(HeldRule.Upcoming(now)).Where(e => e.StartsAt >= start && e.StartsAt < end)
            .OrderBy(e => e.StartsAt).ThenBy(e => e.Id).Take(MaxUpcoming)
            .Select(e => new
            {
                e.Id, e.Title, e.TitleEn, e.StartsAt, e.SeriesName, e.StopNumber, e.Location,
                Venue = e.Venue != null ? e.Venue.Name : null,
                VenueEn = e.Venue != null ? e.Venue.NameEn : null,
                Host = e.HostOrganisation != null ? e.HostOrganisation.Name : null,
                HostEn = e.HostOrganisation != null ? e.HostOrganisation.NameEn : null,
            })
            .ToListAsync(cancellationToken);
        // A stop is named by its host first: the host is who the next stop of a roadshow is.
        return rows.Select(r =>
        {
            var (place, placeEn) = r.Host is not null ? (r.Host, r.HostEn) : r.Venue is not null ? (r.Venue, r.VenueEn) : (r.Location, null);
            return new ReportUpcoming(r.Id, r.Title, r.TitleEn, r.StartsAt, r.SeriesName, r.StopNumber, place, placeEn);
        }).ToList();
    }

    /// <summary>The events by id with their units, place, programme and own figures, in three queries besides the events'.</summary>
    private static async Task<Dictionary<int, ReportEvent>> EventsAsync(
        CampaignHubDbContext db, int campaignId, List<int> ids, List<MetricDefinition> catalogue, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        // By their keys alone: with the campaign in the query too, SQLite reads the campaign's every event instead.
        var rows = (await db.Events.AsNoTracking()
            .Where(e => ids.Contains(e.Id))
            .Select(e => new
            {
                e.Id, e.CampaignId, e.Status, e.Title, e.TitleEn, e.SectionGroup, e.SectionGroupEn, e.Kind, e.Channel, e.Platform, e.PlatformDetail, e.StartsAt, e.EndsAt,
                e.Location, e.Narrative, e.NarrativeEn, e.Highlight, e.SeriesName, e.StopNumber, e.HandoverFrom, e.HandoverTo, e.ExpertTeamSize,
                Venue = e.Venue != null ? e.Venue.Name : null,
                VenueEn = e.Venue != null ? e.Venue.NameEn : null,
                Host = e.HostOrganisation != null ? e.HostOrganisation.Name : null,
                HostEn = e.HostOrganisation != null ? e.HostOrganisation.NameEn : null,
                NextHost = e.NextHostOrganisation != null ? e.NextHostOrganisation.Name : null,
                NextHostEn = e.NextHostOrganisation != null ? e.NextHostOrganisation.NameEn : null,
            })
            .ToListAsync(cancellationToken))
            .Where(e => e.CampaignId == campaignId && e.Status != EventStatus.Cancelled)
            .ToList();
        var found = rows.Select(r => r.Id).ToList();
        var units = (await db.EventUnits.AsNoTracking().Where(c => found.Contains(c.EventId))
                .OrderBy(c => c.UnitId)
                .Select(c => new { c.EventId, c.UnitId, c.Unit!.Name, c.Unit.NameEn })
                .ToListAsync(cancellationToken))
            .ToLookup(c => c.EventId, c => new ReportUnit(c.UnitId, c.Name, c.NameEn));
        var people = (await db.Set<EventSpeaker>().AsNoTracking().Where(p => found.Contains(p.EventId))
                .OrderBy(p => p.SortOrder).ThenBy(p => p.Id)
                .ToListAsync(cancellationToken))
            .ToLookup(p => p.EventId, p => new ReportPerson(p.Role, p.Name, p.Position, p.Department, p.Affiliation, p.TalkTitle, p.Topic));
        var order = catalogue.Select((m, i) => (m.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var metricById = catalogue.ToDictionary(m => m.Id);
        var figures = (await db.MetricValues.AsNoTracking().Where(v => v.EventId != null && found.Contains(v.EventId.Value))
                .Select(v => new { EventId = v.EventId!.Value, v.MetricDefinitionId, v.Value, v.IsEstimate })
                .ToListAsync(cancellationToken))
            .ToLookup(v => v.EventId);

        return rows.ToDictionary(r => r.Id, r =>
        {
            // A venue is the most precise place; then the host; then the place in words.
            var (place, placeEn) = r.Venue is not null ? (r.Venue, r.VenueEn)
                : r.Host is not null ? (r.Host, r.HostEn)
                : (r.Location, null);
            return new ReportEvent(r.Id, r.Title, r.TitleEn, r.SectionGroup, r.Kind, r.Channel, r.Platform, r.PlatformDetail, r.StartsAt, r.EndsAt,
                place, placeEn, units[r.Id].ToList(), r.Narrative, r.NarrativeEn, r.Highlight,
                figures[r.Id].OrderBy(f => order[f.MetricDefinitionId]).Select(f => ToTotal(metricById[f.MetricDefinitionId], f.Value, f.IsEstimate ? f.Value : 0)).ToList())
            {
                SeriesName = r.SeriesName,
                SectionGroupEn = r.SectionGroupEn,
                StopNumber = r.StopNumber,
                Host = r.Host is null ? null : (r.Host, r.HostEn),
                NextHost = r.NextHost is null ? null : (r.NextHost, r.NextHostEn),
                HandoverFrom = r.HandoverFrom,
                HandoverTo = r.HandoverTo,
                ExpertTeamSize = r.ExpertTeamSize,
                People = people[r.Id].ToList(),
            };
        });
    }

    /// <summary>
    /// Checks the query against the campaign: the language, a period within the campaign, a known unit. An
    /// unknown campaign is a 404; every other problem is a field error, all of them at once.
    /// </summary>
    private async Task<ReportScope> ResolveAsync(CampaignHubDbContext db, SummaryReportQuery query, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsNoTracking()
            .Where(c => c.Id == query.CampaignId)
            .Select(c => new
            {
                c.Name, c.NameEn, c.Theme, c.ThemeEn, c.Edition, c.EditionEn, c.Description, c.DescriptionEn, c.ReportingMedia, c.ReportingMediaEn,
                c.StartDate, c.EndDate, c.Form, c.Aim, c.AimEn, c.ReportLanguage, c.PartnerSiteCount, c.PartnerSiteKind,
                Organisers = c.Organisers.OrderBy(o => o.SortOrder).Select(o => new { o.Role, o.Organisation!.Name, o.Organisation.NameEn, o.Organisation.Kind }).ToList(),
                Regions = c.Regions.OrderBy(r => r.SortOrder).Select(r => new { r.Name, r.NameEn }).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException(string.Format(localizer["Campaign_NotFound"], query.CampaignId));

        var errors = new ValidationErrors();
        // Without a language asked for, the report is written in the campaign's own (seed 004 is English first).
        var language = query.Language is null ? ReportTexts.Match(campaign.ReportLanguage) ?? ReportTexts.Chinese : ReportTexts.Match(query.Language);
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

        var unit = query.UnitId is { } unitId
            ? await db.Units.AsNoTracking().Where(c => c.Id == unitId).Select(c => new { c.Name, c.NameEn, c.Kind }).FirstOrDefaultAsync(cancellationToken)
            : null;
        if (query.UnitId is not null && unit is null)
        {
            errors.Add("unitId", string.Format(localizer["Event_Error_UnknownUnit"], query.UnitId));
        }

        errors.ThrowIfAny();
        // A unit's own report speaks of its kind; the campaign's, of the kind its units share (专委会 for the week).
        var unitKind = unit?.Kind ?? UnitWords.Common(await db.Set<CampaignUnit>().AsNoTracking()
            .Where(u => u.CampaignId == query.CampaignId).Select(u => u.Unit!.Kind).Distinct().ToListAsync(cancellationToken));
        var texts = new ReportTexts(localizer, language!, unitKind);
        var awards = await db.Set<CampaignAward>().AsNoTracking().Where(a => a.CampaignId == query.CampaignId)
            .OrderBy(a => a.SortOrder).ThenBy(a => a.Id)
            .Select(a => new
            {
                a.Name, a.NameEn, a.RecipientCount,
                EventTitle = a.Event != null ? a.Event.Title : null,
                EventTitleEn = a.Event != null ? a.Event.TitleEn : null,
                EventStart = a.Event != null ? a.Event.StartsAt : (DateTime?)null,
                Recipients = a.Recipients.OrderBy(r => r.SortOrder).Select(r => new { r.Name, r.NameEn, r.Organisation, r.OrganisationEn }).ToList(),
            })
            .ToListAsync(cancellationToken);
        List<(string, string?)> Role(OrganiserRole role) => campaign.Organisers.Where(o => o.Role == role).Select(o => (o.Name, o.NameEn)).ToList();
        var info = new ReportCampaign(campaign.Name, campaign.NameEn, campaign.Theme, campaign.ThemeEn, campaign.Edition, campaign.EditionEn,
            campaign.Description, campaign.DescriptionEn, campaign.ReportingMedia, campaign.ReportingMediaEn,
            campaign.StartDate, campaign.EndDate, Role(OrganiserRole.Organiser))
        {
            Form = campaign.Form,
            Aim = campaign.Aim,
            AimEn = campaign.AimEn,
            Hosts = Role(OrganiserRole.Host),
            CoOrganisers = Role(OrganiserRole.CoOrganiser),
            PartnerSites = campaign.Organisers.Where(o => o.Role == OrganiserRole.PartnerSite).Select(o => (o.Name, o.NameEn, o.Kind)).ToList(),
            PartnerSiteCount = campaign.PartnerSiteCount,
            PartnerSiteKind = campaign.PartnerSiteKind,
            Regions = campaign.Regions.Select(r => (r.Name, r.NameEn)).ToList(),
            Awards = awards.Select(a => new ReportAward(a.Name, a.NameEn, a.EventTitle, a.EventTitleEn,
                a.EventStart is { } start ? DateOnly.FromDateTime(start) : null, a.RecipientCount,
                a.Recipients.Select(r => (r.Name, r.NameEn, r.Organisation, r.OrganisationEn)).ToList())).ToList(),
        };
        var approval = await approvals.GetAsync(query.CampaignId, from, to, query.UnitId, cancellationToken);
        var onlyApproved = query.ApprovedOnly && approval.Applies ? approval.SettledUnitIds : null;
        return new ReportScope(texts, info, unit?.Name, unit?.NameEn, new TotalsQuery(query.CampaignId, from, to, query.UnitId, onlyApproved),
            ApprovalNote(texts, approval, query.ApprovedOnly));
    }

    private sealed record ReportScope(ReportTexts Texts, ReportCampaign Campaign, string? UnitName, string? UnitNameEn, TotalsQuery Totals, string? ApprovalNote);

    /// <summary>Units named in a report's approval note at most; the rest are counted.</summary>
    public const int MaxUnitsNamedInNote = 30;

    /// <summary>
    /// The report's word on figures not approved yet: which units' figures it counts although unapproved, or (approved
    /// only) which it leaves out. Null when the campaign has no reporting periods here or every unit is settled.
    /// </summary>
    private static string? ApprovalNote(ReportTexts texts, ReportApproval approval, bool approvedOnly)
    {
        if (!approval.Applies || approval.AllSettled)
        {
            return null;
        }

        var names = approval.Pending.Take(MaxUnitsNamedInNote).Select(p => texts.Name(p.Name, p.NameEn)).ToList();
        if (approval.Pending.Count > MaxUnitsNamedInNote)
        {
            names.Add(texts.Format("Report_Approval_More", approval.Pending.Count - MaxUnitsNamedInNote));
        }

        return texts.Format(approvedOnly ? "Report_Approval_ApprovedOnly" : "Report_Approval_Pending", texts.List(names, enumeration: true));
    }

    public static string FileName(SummaryReport report, string extension) => FileName(report.Title, report.From, report.To, extension);

    /// <summary>"山西省…活动总结 2021-04-15–2021-04-21.pdf": the title without characters file systems refuse.</summary>
    internal static string FileName(string title, DateOnly from, DateOnly to, string extension)
    {
        var invalid = Path.GetInvalidFileNameChars().Concat(['"', '\\', '/', ':', '*', '?', '<', '>', '|']).ToHashSet();
        // "Association: Summary of …" reads "Association - Summary of …" as a file name, not "Association_ Summary".
        var readable = System.Text.RegularExpressions.Regex.Replace(title, @"\s*[:：]\s*", " - ");
        var name = new string(readable.Select(c => invalid.Contains(c) || char.IsControl(c) ? '_' : c).ToArray()).Trim();
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

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static MetricTotal ToTotal(MetricDefinition m, decimal value, decimal estimated) =>
        new(m.Code, m.Name, m.NameEn, m.Unit, m.UnitEn, Codes<MetricGroup>.Of(m.Group), value, estimated);

    /// <summary>
    /// The first photos of each section as data: URLs. A photo whose bytes are not an image, or that is too large,
    /// is left out with a note: a broken file never breaks the report.
    /// </summary>
    private static async Task<Dictionary<int, SummaryReportBuilder.EventPhotos>> PhotosAsync(
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

        var result = new Dictionary<int, SummaryReportBuilder.EventPhotos>();
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
                    embedded.Add(new ReportPhoto(content, type, photo.Caption));
                }
            }

            result[group.Key] = new SummaryReportBuilder.EventPhotos(embedded, notes);
        }

        return result;
    }
}
