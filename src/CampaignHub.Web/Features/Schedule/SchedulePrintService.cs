using System.Globalization;
using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Association;
using CampaignHub.Web.Features.Common;
using CampaignHub.Web.Features.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampaignHub.Web.Features.Schedule;

/// <summary>
/// A week's schedule of a campaign or a unit (or a unit within a campaign) as an A4 PDF for a ward
/// noticeboard, in the reader's language. Any signed-in user may print it: schedules are readable by all.
/// </summary>
public sealed class SchedulePrintService(
    IDbContextFactory<CampaignHubDbContext> dbFactory,
    ScheduleService schedule,
    RazorHtmlRenderer razor,
    IPdfRenderer pdf,
    AssociationClock clock,
    IStringLocalizer<SharedResource> localizer)
{
    public async Task<PrintedFile> PrintWeekAsync(DateOnly week, int? campaignId, int? unitId, CancellationToken cancellationToken = default)
    {
        var model = await BuildAsync(week, campaignId, unitId, cancellationToken);
        var html = await RenderHtmlAsync(model);
        var title = $"{model.Name} · {ScheduleCalendar.Iso(model.WeekStart)} – {ScheduleCalendar.Iso(model.WeekEnd)}";
        var content = await pdf.RenderAsync(html, new PdfPageOptions { Title = title, Landscape = true }, cancellationToken);
        return new PrintedFile(FileName(model), content);
    }

    /// <summary>The week's data; 400-style errors for a missing or unknown campaign or unit.</summary>
    public async Task<PrintableScheduleModel> BuildAsync(DateOnly week, int? campaignId, int? unitId, CancellationToken cancellationToken = default)
    {
        var errors = new ValidationErrors();
        if (campaignId is null && unitId is null)
        {
            errors.Add("campaignId", localizer["Schedule_Print_Error_Scope"]);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var names = new List<string>();
        if (campaignId is { } cid)
        {
            var campaign = await db.Campaigns.AsNoTracking().Where(c => c.Id == cid)
                .Select(c => new { c.Name, c.NameEn }).FirstOrDefaultAsync(cancellationToken);
            if (campaign is null)
            {
                errors.Add("campaignId", string.Format(localizer["Event_Error_UnknownCampaign"], cid));
            }
            else
            {
                names.Add(UiLanguage.Pick(campaign.Name, campaign.NameEn));
            }
        }

        if (unitId is { } mid)
        {
            var unit = await db.Units.AsNoTracking().Where(c => c.Id == mid)
                .Select(c => new { c.Name, c.NameEn }).FirstOrDefaultAsync(cancellationToken);
            if (unit is null)
            {
                errors.Add("unitId", string.Format(localizer["Event_Error_UnknownUnit"], mid));
            }
            else
            {
                names.Add(UiLanguage.Pick(unit.Name, unit.NameEn));
            }
        }

        errors.ThrowIfAny();
        var start = ScheduleCalendar.WeekStart(week);
        var result = await schedule.ListAsync(new ScheduleQuery
        {
            From = start, To = start.AddDays(7), CampaignId = campaignId, UnitId = unitId,
        }, cancellationToken);

        var ids = result.Entries.Select(e => e.Id).ToList();
        var duties = (await db.DutyAssignments.AsNoTracking()
                .Where(d => ids.Contains(d.EventId))
                .OrderBy(d => d.StartsAt).ThenBy(d => d.Id)
                .Select(d => new { d.EventId, d.User!.DisplayName, d.User.Email, d.Role, d.StartsAt, d.EndsAt })
                .ToListAsync(cancellationToken))
            .GroupBy(d => d.EventId)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<PrintedDuty>)g.Select(d => new PrintedDuty(
                    string.IsNullOrWhiteSpace(d.DisplayName) ? d.Email ?? "" : d.DisplayName, d.Role, d.StartsAt, d.EndsAt)).ToList());

        var now = clock.Now;
        return new PrintableScheduleModel(string.Join(" · ", names), start, ScheduleCalendar.TimeZoneLabel(clock.TimeZone, now), now,
            result.Entries, duties, result.Truncated);
    }

    public Task<string> RenderHtmlAsync(PrintableScheduleModel model) =>
        razor.RenderAsync<PrintableSchedule>(new Dictionary<string, object?> { [nameof(PrintableSchedule.Model)] = model });

    /// <summary>"schedule 2021-04-12 乳腺癌专委会.pdf": the week first, so a folder of them sorts by date.</summary>
    private static string FileName(PrintableScheduleModel model)
    {
        var invalid = Path.GetInvalidFileNameChars().Concat(['"', '\\', '/', ':', '*', '?', '<', '>', '|']).ToHashSet();
        var name = new string(model.Name.Select(c => invalid.Contains(c) || char.IsControl(c) ? '_' : c).ToArray()).Trim();
        if (name.Length > 80)
        {
            name = name[..80];
        }

        return $"schedule {ScheduleCalendar.Iso(model.WeekStart)} {name}".Trim() + ".pdf";
    }
}
