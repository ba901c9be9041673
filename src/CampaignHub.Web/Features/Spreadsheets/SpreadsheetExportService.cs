using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampaignHub.Web.Features.Spreadsheets;

/// <summary>A file to download: its bytes, content type and suggested name.</summary>
public sealed record SpreadsheetFile(byte[] Content, string ContentType, string FileName);

/// <summary>
/// A campaign's events with units and figures as a spreadsheet in the import's columns (so an export can be
/// imported into another campaign), and the import template: the header with every active metric code and one
/// example row. Reading needs no role beyond being signed in, like the event list.
/// </summary>
public sealed class SpreadsheetExportService(IDbContextFactory<CampaignHubDbContext> dbFactory, IStringLocalizer<SharedResource> localizer)
{
    public async Task<SpreadsheetFile> ExportAsync(int campaignId, SpreadsheetFormat format, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await RequireCampaignAsync(db, campaignId, cancellationToken);

        var events = await db.Events.AsNoTracking()
            .Where(e => e.CampaignId == campaignId)
            .OrderBy(e => e.StartsAt).ThenBy(e => e.Id)
            .Select(e => new
            {
                e.Id, e.Title, e.Kind, e.Channel, e.Platform, e.StartsAt, e.EndsAt, e.SeriesName, e.StopNumber, e.Status,
                e.Highlight, e.Narrative, e.SectionGroup, e.TitleEn, e.NarrativeEn, e.SectionGroupEn, e.Link,
                Place = e.Location ?? (e.Venue != null ? e.Venue.Name : e.HostOrganisation != null ? e.HostOrganisation.Name : null),
            })
            .ToListAsync(cancellationToken);
        var units = (await db.EventUnits.AsNoTracking()
                .Where(ec => db.Events.Any(e => e.Id == ec.EventId && e.CampaignId == campaignId))
                .Select(ec => new { ec.EventId, ec.UnitId, ec.Unit!.Name })
                .ToListAsync(cancellationToken))
            .ToLookup(c => c.EventId);
        var figures = (await db.MetricValues.AsNoTracking()
                .Where(v => v.CampaignId == campaignId && v.EventId != null)
                .Select(v => new { EventId = v.EventId!.Value, v.MetricDefinitionId, v.Value, v.IsEstimate })
                .ToListAsync(cancellationToken))
            .ToLookup(v => v.EventId);

        // Active metrics, plus any retired one that these events still carry, so no figure is left out.
        var used = figures.SelectMany(g => g.Select(v => v.MetricDefinitionId)).ToHashSet();
        var metrics = await db.MetricDefinitions.AsNoTracking()
            .Where(m => m.IsActive || used.Contains(m.Id))
            .OrderBy(m => m.SortOrder).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.Code })
            .ToListAsync(cancellationToken);

        var header = SpreadsheetColumns.Fixed.Concat(metrics.Select(m => m.Code)).ToList();
        var rows = events.Select(e =>
        {
            var values = figures[e.Id].ToDictionary(v => v.MetricDefinitionId, v => v.Value);
            var estimated = figures[e.Id].Where(v => v.IsEstimate).Select(v => v.MetricDefinitionId).ToHashSet();
            object?[] fixedCells =
            [
                e.Title, Codes<EventKind>.Of(e.Kind), Codes<EventChannel>.Of(e.Channel),
                e.Platform is { } platform ? Codes<OnlinePlatform>.Of(platform) : null,
                SpreadsheetColumns.FormatDateTime(e.StartsAt), SpreadsheetColumns.FormatDateTime(e.EndsAt),
                string.Join(";", units[e.Id].OrderBy(c => c.UnitId).Select(c => c.Name)),
                e.Place, e.SeriesName, e.StopNumber, Codes<EventStatus>.Of(e.Status), e.Highlight ? "yes" : "no", e.Narrative, e.SectionGroup, e.TitleEn, e.NarrativeEn,
                e.SectionGroupEn, e.Link,
                estimated.Count == 0 ? null : string.Join(";", metrics.Where(m => estimated.Contains(m.Id)).Select(m => m.Code)),
            ];
            return fixedCells.Concat(metrics.Select(m => values.TryGetValue(m.Id, out var value) ? (object?)value : null)).ToArray();
        });

        var content = SheetWriter.Write(format, header, rows);
        return new SpreadsheetFile(content, format.ContentType(), $"campaign-{campaignId}-events.{format.Extension()}");
    }

    /// <summary>The header row (every active metric code) and one example event the user overwrites.</summary>
    public async Task<SpreadsheetFile> TemplateAsync(Actor actor, int campaignId, SpreadsheetFormat format, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var campaign = await RequireCampaignAsync(db, campaignId, cancellationToken);
        var metrics = await db.MetricDefinitions.AsNoTracking().Where(m => m.IsActive)
            .OrderBy(m => m.SortOrder).ThenBy(m => m.Id).Select(m => m.Code).ToListAsync(cancellationToken);

        // The example names a unit the user may actually import for: their own, else one of the campaign's.
        var unit = await db.Units.AsNoTracking()
            .Where(c => actor.UnitIds.Contains(c.Id))
            .OrderBy(c => c.Id).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken)
            ?? await db.Units.AsNoTracking()
                .Where(c => db.Set<Campaign>().Any(x => x.Id == campaignId && x.Units.Any(cc => cc.UnitId == c.Id)))
                .OrderBy(c => c.Id).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken)
            ?? "";

        var day = campaign.StartDate.ToDateTime(TimeOnly.MinValue);
        object?[] example =
        [
            localizer["Template_ExampleTitle"].Value, Codes<EventKind>.Of(EventKind.FreeClinic), Codes<EventChannel>.Of(EventChannel.Offline),
            null, SpreadsheetColumns.FormatDateTime(day.AddHours(9)), SpreadsheetColumns.FormatDateTime(day.AddHours(11)),
            unit, localizer["Template_ExampleVenue"].Value, null, null, Codes<EventStatus>.Of(EventStatus.Held), "no",
            // section, title_en, narrative_en, section_en, link, estimated: left for the user.
            localizer["Template_ExampleNarrative"].Value, null, null, null, null, null, null,
        ];
        var exampleFigures = new Dictionary<string, object?> { ["patients_benefited"] = 120m, ["staff_medical"] = 8m };
        var row = example.Concat(metrics.Select(code => exampleFigures.GetValueOrDefault(code))).ToArray();

        var content = SheetWriter.Write(format, SpreadsheetColumns.Fixed.Concat(metrics).ToList(), [row]);
        return new SpreadsheetFile(content, format.ContentType(), $"events-template.{format.Extension()}");
    }

    private async Task<Campaign> RequireCampaignAsync(CampaignHubDbContext db, int campaignId, CancellationToken cancellationToken) =>
        await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId, cancellationToken)
        ?? throw new NotFoundException(string.Format(localizer["Campaign_NotFound"], campaignId));
}
