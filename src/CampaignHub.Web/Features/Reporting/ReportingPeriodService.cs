using System.Globalization;
using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Api;
using CampaignHub.Web.Features.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampaignHub.Web.Features.Reporting;

/// <summary>
/// A campaign's reporting periods: admins and coordinators read them, admins set them. A period lies within its
/// campaign, ends on or after its start, is due on or after its start, and overlaps no other period of the campaign,
/// so an event is reported in one period at most. The overlap check and the insert are one write transaction.
/// </summary>
public sealed class ReportingPeriodService(
    IDbContextFactory<CampaignHubDbContext> dbFactory,
    ReportingAccess access,
    IStringLocalizer<SharedResource> localizer)
{
    public async Task<IReadOnlyList<ReportingPeriodDetails>> ListAsync(Actor actor, int campaignId, CancellationToken cancellationToken = default)
    {
        access.RequireParticipant(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await CampaignAsync(db, campaignId, cancellationToken);
        return await Details(db.ReportingPeriods.Where(p => p.CampaignId == campaignId)).ToListAsync(cancellationToken);
    }

    public async Task<ReportingPeriodDetails> GetAsync(Actor actor, int id, CancellationToken cancellationToken = default)
    {
        access.RequireParticipant(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Details(db.ReportingPeriods.Where(p => p.Id == id)).FirstOrDefaultAsync(cancellationToken) ?? throw NotFound(id);
    }

    public async Task<ReportingPeriodDetails> CreateAsync(Actor actor, int campaignId, ReportingPeriodInput input, CancellationToken cancellationToken = default)
    {
        access.RequireAdmin(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        ReportingPeriod entity;
        await using (var transaction = await db.BeginWriteTransactionAsync(cancellationToken))
        {
            var campaign = await CampaignAsync(db, campaignId, cancellationToken);
            await ValidateAsync(db, campaign, input, null, cancellationToken);
            entity = new ReportingPeriod { CampaignId = campaignId, Name = "" };
            Apply(entity, input);
            db.ReportingPeriods.Add(entity);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return await GetAsync(actor, entity.Id, cancellationToken);
    }

    /// <summary>Changes a period if nobody changed it since <see cref="ReportingPeriodInput.Version"/>.</summary>
    public async Task<ReportingPeriodDetails> UpdateAsync(Actor actor, int id, ReportingPeriodInput input, CancellationToken cancellationToken = default)
    {
        access.RequireAdmin(actor);
        var expected = RequiredVersion.Of(input.Version, localizer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using (var transaction = await db.BeginWriteTransactionAsync(cancellationToken))
        {
            var entity = await db.ReportingPeriods.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw NotFound(id);
            var campaign = await CampaignAsync(db, entity.CampaignId, cancellationToken);
            await ValidateAsync(db, campaign, input, id, cancellationToken);
            if (entity.Version != expected)
            {
                throw new ConcurrencyConflictException(localizer["Reporting_Period_Conflict"], await GetAsync(actor, id, cancellationToken));
            }

            Apply(entity, input);
            db.Entry(entity).Property(p => p.Version).OriginalValue = expected;
            await db.SaveOrConflictAsync(localizer["Reporting_Period_Conflict"], () => GetAsync(actor, id, cancellationToken), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return await GetAsync(actor, id, cancellationToken);
    }

    /// <summary>Removes a period nobody has reported on yet; one with submissions or reminders stays.</summary>
    public async Task DeleteAsync(Actor actor, int id, long? version, CancellationToken cancellationToken = default)
    {
        access.RequireAdmin(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entity = await db.ReportingPeriods.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw NotFound(id);
        if (version is { } expected && expected != entity.Version)
        {
            throw new ConcurrencyConflictException(localizer["Reporting_Period_Conflict"], await GetAsync(actor, id, cancellationToken));
        }

        if (await db.UnitSubmissions.AnyAsync(s => s.ReportingPeriodId == id, cancellationToken)
            || await db.ReminderRequests.AnyAsync(r => r.ReportingPeriodId == id, cancellationToken))
        {
            var errors = new ValidationErrors();
            errors.Add("id", localizer["Reporting_Period_InUse"]);
            errors.ThrowIfAny();
        }

        db.ReportingPeriods.Remove(entity);
        await db.SaveOrConflictAsync(localizer["Reporting_Period_Conflict"], () => GetAsync(actor, id, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// One period per week of <paramref name="input"/>'s span (default: the whole campaign), named 第N周 / Week N and
    /// due the Monday after each ends. Refused whole when any week would overlap a period the campaign already has.
    /// </summary>
    public async Task<IReadOnlyList<ReportingPeriodDetails>> GenerateWeeklyAsync(
        Actor actor, int campaignId, WeeklyPeriodsInput input, CancellationToken cancellationToken = default)
    {
        access.RequireAdmin(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using (var transaction = await db.BeginWriteTransactionAsync(cancellationToken))
        {
            var campaign = await CampaignAsync(db, campaignId, cancellationToken);
            var from = input.From ?? campaign.StartDate;
            var to = input.To ?? campaign.EndDate;
            var errors = new ValidationErrors();
            CheckWithin(errors, campaign, from, to);
            errors.ThrowIfAny();

            var weeks = Weeks(from, to).ToList();
            var existing = await db.ReportingPeriods.AsNoTracking().Where(p => p.CampaignId == campaignId)
                .Select(p => new { p.Name, p.From, p.To }).ToListAsync(cancellationToken);
            if (existing.Count + weeks.Count > ReportingLimits.MaxPeriodsPerCampaign)
            {
                errors.Add("to", string.Format(localizer["Reporting_Period_TooMany"], ReportingLimits.MaxPeriodsPerCampaign));
            }
            else if (existing.FirstOrDefault(p => p.From <= to && p.To >= from) is { } clash)
            {
                errors.Add("from", string.Format(localizer["Reporting_Period_Overlaps"], clash.Name, Iso(clash.From), Iso(clash.To)));
            }

            errors.ThrowIfAny();
            db.ReportingPeriods.AddRange(weeks.Select((w, i) => new ReportingPeriod
            {
                CampaignId = campaignId,
                Name = string.Format(CultureInfo.InvariantCulture, "第{0}周", i + 1),
                NameEn = string.Format(CultureInfo.InvariantCulture, "Week {0}", i + 1),
                From = w.From,
                To = w.To,
                DueDate = NextMonday(w.To),
            }));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return await ListAsync(actor, campaignId, cancellationToken);
    }

    /// <summary>Seven-day spans from <paramref name="from"/>, the last cut at <paramref name="to"/>.</summary>
    public static IEnumerable<(DateOnly From, DateOnly To)> Weeks(DateOnly from, DateOnly to)
    {
        for (var start = from; start <= to; start = start.AddDays(7))
        {
            var end = start.AddDays(6);
            yield return (start, end > to ? to : end);
            if (end >= to)
            {
                yield break;
            }
        }
    }

    /// <summary>The first Monday after <paramref name="day"/>: a week ending on Sunday is due the next day.</summary>
    public static DateOnly NextMonday(DateOnly day)
    {
        var days = ((int)DayOfWeek.Monday - (int)day.DayOfWeek + 7) % 7;
        return day.AddDays(days == 0 ? 7 : days);
    }

    private sealed record CampaignSpan(int Id, DateOnly StartDate, DateOnly EndDate);

    private async Task<CampaignSpan> CampaignAsync(CampaignHubDbContext db, int campaignId, CancellationToken cancellationToken) =>
        await db.Campaigns.AsNoTracking().Where(c => c.Id == campaignId)
            .Select(c => new CampaignSpan(c.Id, c.StartDate, c.EndDate))
            .FirstOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException(string.Format(localizer["Campaign_NotFound"], campaignId));

    /// <summary>Every field at once, by its API name.</summary>
    private async Task ValidateAsync(CampaignHubDbContext db, CampaignSpan campaign, ReportingPeriodInput input, int? id, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors.Add("name", localizer["Reporting_Period_NameRequired"]);
        }
        else if (name.Length > ReportingLimits.PeriodNameMaxLength)
        {
            errors.Add("name", string.Format(localizer["Error_TooLong"], ReportingLimits.PeriodNameMaxLength));
        }

        if (input.NameEn?.Trim().Length > ReportingLimits.PeriodNameEnMaxLength)
        {
            errors.Add("nameEn", string.Format(localizer["Error_TooLong"], ReportingLimits.PeriodNameEnMaxLength));
        }

        if (input.From is null)
        {
            errors.Add("from", localizer["Reporting_Period_DateRequired"]);
        }

        if (input.To is null)
        {
            errors.Add("to", localizer["Reporting_Period_DateRequired"]);
        }

        if (input.DueDate is null)
        {
            errors.Add("dueDate", localizer["Reporting_Period_DateRequired"]);
        }

        if (input is { From: { } from, To: { } to })
        {
            CheckWithin(errors, campaign, from, to);
        }

        if (input is { From: { } start, DueDate: { } due } && due < start)
        {
            errors.Add("dueDate", localizer["Reporting_Period_DueBeforeStart"]);
        }

        if (errors.IsEmpty && input is { From: { } first, To: { } last })
        {
            var clash = await db.ReportingPeriods.AsNoTracking()
                .Where(p => p.CampaignId == campaign.Id && p.Id != id && p.From <= last && p.To >= first)
                .OrderBy(p => p.From).Select(p => new { p.Name, p.From, p.To })
                .FirstOrDefaultAsync(cancellationToken);
            if (clash is not null)
            {
                errors.Add("from", string.Format(localizer["Reporting_Period_Overlaps"], clash.Name, Iso(clash.From), Iso(clash.To)));
            }
            else if (id is null && await db.ReportingPeriods.CountAsync(p => p.CampaignId == campaign.Id, cancellationToken) >= ReportingLimits.MaxPeriodsPerCampaign)
            {
                errors.Add("from", string.Format(localizer["Reporting_Period_TooMany"], ReportingLimits.MaxPeriodsPerCampaign));
            }
        }

        errors.ThrowIfAny();
    }

    private void CheckWithin(ValidationErrors errors, CampaignSpan campaign, DateOnly from, DateOnly to)
    {
        var within = string.Format(localizer["Report_Error_OutsideCampaign"], Iso(campaign.StartDate), Iso(campaign.EndDate));
        if (from < campaign.StartDate || from > campaign.EndDate)
        {
            errors.Add("from", within);
        }

        if (to < from)
        {
            errors.Add("to", localizer["Totals_Error_ToBeforeFrom"]);
        }
        else if (to > campaign.EndDate)
        {
            errors.Add("to", within);
        }
    }

    private static void Apply(ReportingPeriod entity, ReportingPeriodInput input)
    {
        entity.Name = input.Name!.Trim();
        entity.NameEn = string.IsNullOrWhiteSpace(input.NameEn) ? null : input.NameEn.Trim();
        entity.From = input.From!.Value;
        entity.To = input.To!.Value;
        entity.DueDate = input.DueDate!.Value;
    }

    internal static IQueryable<ReportingPeriodDetails> Details(IQueryable<ReportingPeriod> periods) =>
        periods.AsNoTracking().OrderBy(p => p.From).ThenBy(p => p.Id)
            .Select(p => new ReportingPeriodDetails(p.Id, p.CampaignId, p.Name, p.NameEn, p.From, p.To, p.DueDate, p.Version));

    private NotFoundException NotFound(int id) => new(string.Format(localizer["Reporting_Period_NotFound"], id));

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
