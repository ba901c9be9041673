using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Association;
using CampaignHub.Web.Features.Common;
using CampaignHub.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampaignHub.Web.Features.Reporting;

/// <summary>
/// A unit's report for a period: the coordinator (or an admin) reviews and submits it, an admin returns it with
/// comments, approves or excuses it. Each step: who may (403), then the input (400), then the record (404), then
/// whether its status allows the step (409 with the current status; <see cref="SubmissionRules"/>). Submitting stores
/// a snapshot of the unit's figures (<see cref="SubmissionFigures"/>); every change is audited by the save path, and
/// the submission's version makes parallel reviews conflict rather than overwrite.
/// </summary>
public sealed class SubmissionService(
    IDbContextFactory<CampaignHubDbContext> dbFactory,
    SubmissionFigures figures,
    ReportingAccess access,
    Notifier notifier,
    AssociationClock clock,
    TimeProvider time,
    IStringLocalizer<SharedResource> localizer)
{
    /// <summary>The unit's page for the period, whether or not anything was stored yet.</summary>
    public async Task<SubmissionView> GetAsync(Actor actor, int periodId, int unitId, CancellationToken cancellationToken = default)
    {
        access.RequireUnit(actor, unitId);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var period = await PeriodAsync(db, periodId, cancellationToken);
        await RequireTakingPartAsync(db, period.CampaignId, unitId, "unitId", notFound: true, cancellationToken);
        return await ViewAsync(db, period, unitId, cancellationToken);
    }

    public async Task<SubmissionView> GetAsync(Actor actor, int submissionId, CancellationToken cancellationToken = default)
    {
        access.RequireParticipant(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.UnitSubmissions.AsNoTracking().Where(s => s.Id == submissionId)
            .Select(s => new { s.ReportingPeriodId, s.UnitId }).FirstOrDefaultAsync(cancellationToken) ?? throw NotFound(submissionId);
        access.RequireUnit(actor, stored.UnitId);
        return await ViewAsync(db, await PeriodAsync(db, stored.ReportingPeriodId, cancellationToken), stored.UnitId, cancellationToken);
    }

    /// <summary>
    /// Submits the unit's figures for the period (a snapshot of them is stored), or with <see cref="SubmitInput.Draft"/>
    /// only keeps the note. A resubmission after a return starts a new round: the comments of the last one are
    /// answered, and the previous snapshot is kept to show what changed.
    /// </summary>
    public async Task<SubmissionView> SubmitAsync(Actor actor, int periodId, SubmitInput input, CancellationToken cancellationToken = default)
    {
        access.RequireParticipant(actor);
        var errors = new ValidationErrors();
        if (input.UnitId is not { } unitId)
        {
            errors.Add("unitId", localizer["Reporting_Error_UnitRequired"]);
            errors.ThrowIfAny();
            return null!;
        }

        access.RequireUnit(actor, unitId);
        if (input.Note?.Trim().Length > ReportingLimits.NoteMaxLength)
        {
            errors.Add("note", string.Format(localizer["Error_TooLong"], ReportingLimits.NoteMaxLength));
        }

        errors.ThrowIfAny();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var period = await PeriodAsync(db, periodId, cancellationToken);
        await RequireTakingPartAsync(db, period.CampaignId, unitId, "unitId", notFound: false, cancellationToken);
        var entity = await db.UnitSubmissions.Include(s => s.Figures)
            .FirstOrDefaultAsync(s => s.ReportingPeriodId == periodId && s.UnitId == unitId, cancellationToken);
        ThrowIfStale(entity, input.Version);
        var status = entity?.Status ?? SubmissionStatus.NotStarted;
        if (!(input.Draft ? SubmissionRules.CanSaveDraft(status) : SubmissionRules.CanSubmit(status)))
        {
            throw Conflict(entity!, input.Draft ? "Reporting_Error_CannotSaveDraft" : "Reporting_Error_CannotSubmit");
        }

        if (entity is null)
        {
            entity = new UnitSubmission { CampaignId = period.CampaignId, ReportingPeriodId = periodId, UnitId = unitId, Status = SubmissionStatus.Draft };
            db.UnitSubmissions.Add(entity);
        }

        if (input.Note is not null)
        {
            entity.Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        }

        if (!input.Draft)
        {
            var now = Now;
            var snapshot = (await figures.CurrentAsync(period.CampaignId, unitId, period.From, period.To, cancellationToken)).ToJson();
            if (entity.Status == SubmissionStatus.Returned)
            {
                await ResolveOpenItemsAsync(db, entity.Id, now, cancellationToken);
            }

            if (entity.Figures is null)
            {
                entity.Figures = new UnitSubmissionFigures { Submitted = snapshot };
            }
            else
            {
                // Only a returned submission is submitted again: what it had becomes the round before.
                entity.Figures.PreviouslySubmitted = entity.Figures.Submitted;
                entity.Figures.Submitted = snapshot;
            }

            entity.Status = SubmissionStatus.Submitted;
            entity.SubmittedAt = now;
            entity.FirstSubmittedAt ??= now;
            entity.SubmittedById = actor.UserId;
            entity.Round++;
        }

        await SaveAsync(db, entity, cancellationToken);
        return await ViewAsync(db, period, unitId, cancellationToken);
    }

    /// <summary>
    /// Sends a submitted report back with a comment on it, on one of its events, on an event's figure or on a
    /// campaign-level figure of the unit. A returned one may get more comments in the same round.
    /// </summary>
    public async Task<SubmissionView> ReturnAsync(Actor actor, int submissionId, ReturnInput input, CancellationToken cancellationToken = default)
    {
        access.RequireAdmin(actor);
        var errors = new ValidationErrors();
        var comment = CheckText(errors, "comment", input.Comment, ReportingLimits.CommentMaxLength, "Reporting_Error_CommentRequired");
        if (input.MetricCode?.Length > 100)
        {
            errors.Add("metricCode", string.Format(localizer["Reporting_Error_UnknownMetric"], ValueEcho.Short(input.MetricCode)));
        }

        errors.ThrowIfAny();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entity = await db.UnitSubmissions.FirstOrDefaultAsync(s => s.Id == submissionId, cancellationToken) ?? throw NotFound(submissionId);
        var period = await PeriodAsync(db, entity.ReportingPeriodId, cancellationToken);

        int? metricId = null;
        if (!string.IsNullOrWhiteSpace(input.MetricCode))
        {
            var code = input.MetricCode.Trim();
            metricId = await db.MetricDefinitions.Where(m => m.Code == code).Select(m => (int?)m.Id).FirstOrDefaultAsync(cancellationToken);
            if (metricId is null)
            {
                errors.Add("metricCode", string.Format(localizer["Reporting_Error_UnknownMetric"], ValueEcho.Short(code)));
            }
        }

        var submitted = await db.Set<UnitSubmissionFigures>().AsNoTracking().Where(f => f.SubmissionId == entity.Id)
            .Select(f => f.Submitted).FirstOrDefaultAsync(cancellationToken);
        if (input.EventId is { } eventId
            && SubmissionSnapshot.FromJson(submitted)?.Events.Any(e => e.Id == eventId) != true
            && !await SubmissionFigures.Events(db, period.CampaignId, entity.UnitId, period.From, period.To).AnyAsync(e => e.Id == eventId, cancellationToken))
        {
            errors.Add("eventId", string.Format(localizer["Reporting_Error_EventNotInSubmission"], eventId));
        }

        errors.ThrowIfAny();
        ThrowIfStale(entity, input.Version);
        if (!SubmissionRules.CanReturn(entity.Status))
        {
            throw Conflict(entity, "Reporting_Error_CannotReturn");
        }

        db.ReturnedItems.Add(new ReturnedItem
        {
            CampaignId = entity.CampaignId,
            SubmissionId = entity.Id,
            Round = entity.Round,
            EventId = input.EventId,
            MetricDefinitionId = metricId,
            Comment = comment!,
        });
        entity.Status = SubmissionStatus.Returned;
        entity.ReviewedAt = Now;
        entity.ReviewedById = actor.UserId;
        await NotifyReturnedAsync(db, entity, comment!, input.EventId, metricId, submitted, cancellationToken);
        await SaveAsync(db, entity, cancellationToken);
        return await ViewAsync(db, period, entity.UnitId, cancellationToken);
    }

    /// <summary>Approves a submitted report; a returned one must be submitted again first.</summary>
    public async Task<SubmissionView> ApproveAsync(Actor actor, int submissionId, long? version, CancellationToken cancellationToken = default)
    {
        access.RequireAdmin(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entity = await db.UnitSubmissions.FirstOrDefaultAsync(s => s.Id == submissionId, cancellationToken) ?? throw NotFound(submissionId);
        ThrowIfStale(entity, version);
        if (!SubmissionRules.CanApprove(entity.Status))
        {
            throw Conflict(entity, "Reporting_Error_CannotApprove");
        }

        entity.Status = SubmissionStatus.Approved;
        entity.ReviewedAt = Now;
        entity.ReviewedById = actor.UserId;
        var (parameters, link) = await SubmissionNotices.ParametersAsync(db, entity.ReportingPeriodId, entity.UnitId, cancellationToken);
        await notifier.NotifyUnitAsync(db, entity.UnitId, NotificationKind.SubmissionApproved, parameters, link, cancellationToken);
        await SaveAsync(db, entity, cancellationToken);
        return await ViewAsync(db, await PeriodAsync(db, entity.ReportingPeriodId, cancellationToken), entity.UnitId, cancellationToken);
    }

    /// <summary>Excuses a stored submission (by its id).</summary>
    public async Task<SubmissionView> ExcuseSubmissionAsync(Actor actor, int submissionId, ExcuseInput input, CancellationToken cancellationToken = default)
    {
        access.RequireAdmin(actor);
        var errors = new ValidationErrors();
        CheckText(errors, "reason", input.Reason, ReportingLimits.ExcuseReasonMaxLength, "Reporting_Error_ReasonRequired");
        errors.ThrowIfAny();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.UnitSubmissions.AsNoTracking().Where(s => s.Id == submissionId)
            .Select(s => new { s.ReportingPeriodId, s.UnitId }).FirstOrDefaultAsync(cancellationToken) ?? throw NotFound(submissionId);
        return await ExcuseAsync(actor, stored.ReportingPeriodId, new ExcuseInput { UnitId = stored.UnitId, Reason = input.Reason, Version = input.Version }, cancellationToken);
    }

    /// <summary>
    /// Releases a unit from reporting the period, with a reason, whether or not it started: it then counts as settled
    /// for finalising, and is never late. Open comments are closed.
    /// </summary>
    public async Task<SubmissionView> ExcuseAsync(Actor actor, int periodId, ExcuseInput input, CancellationToken cancellationToken = default)
    {
        access.RequireAdmin(actor);
        var errors = new ValidationErrors();
        var reason = CheckText(errors, "reason", input.Reason, ReportingLimits.ExcuseReasonMaxLength, "Reporting_Error_ReasonRequired");
        if (input.UnitId is null)
        {
            errors.Add("unitId", localizer["Reporting_Error_UnitRequired"]);
        }

        errors.ThrowIfAny();
        var unitId = input.UnitId!.Value;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var period = await PeriodAsync(db, periodId, cancellationToken);
        await RequireTakingPartAsync(db, period.CampaignId, unitId, "unitId", notFound: false, cancellationToken);
        var entity = await db.UnitSubmissions.FirstOrDefaultAsync(s => s.ReportingPeriodId == periodId && s.UnitId == unitId, cancellationToken);
        ThrowIfStale(entity, input.Version);
        if (entity is not null && !SubmissionRules.CanExcuse(entity.Status))
        {
            throw Conflict(entity, "Reporting_Error_CannotExcuse");
        }

        if (entity is null)
        {
            entity = new UnitSubmission { CampaignId = period.CampaignId, ReportingPeriodId = periodId, UnitId = unitId };
            db.UnitSubmissions.Add(entity);
        }
        else
        {
            await ResolveOpenItemsAsync(db, entity.Id, Now, cancellationToken);
        }

        entity.Status = SubmissionStatus.Excused;
        entity.ExcuseReason = reason;
        entity.ReviewedAt = Now;
        entity.ReviewedById = actor.UserId;
        await SaveAsync(db, entity, cancellationToken);
        return await ViewAsync(db, period, unitId, cancellationToken);
    }

    /// <summary>
    /// The open comments on an event, for its page: those on the event or one of its figures, of the submissions the
    /// user may see (an admin's all, a coordinator's of their own units). Staff see none.
    /// </summary>
    public async Task<IReadOnlyList<ReturnedItemView>> OpenItemsForEventAsync(Actor actor, int eventId, CancellationToken cancellationToken = default)
    {
        if (!actor.IsAdmin && !actor.IsCoordinator)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var units = actor.UnitIds.ToList();
        var items = db.ReturnedItems.AsNoTracking().Where(r => r.EventId == eventId && r.ResolvedAt == null);
        if (!actor.IsAdmin)
        {
            items = items.Where(r => units.Contains(r.Submission!.UnitId));
        }

        return await ItemsAsync(db, items, cancellationToken);
    }

    private async Task<SubmissionView> ViewAsync(CampaignHubDbContext db, ReportingPeriodDetails period, int unitId, CancellationToken cancellationToken)
    {
        var entity = await db.UnitSubmissions.AsNoTracking()
            .FirstOrDefaultAsync(s => s.ReportingPeriodId == period.Id && s.UnitId == unitId, cancellationToken);
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == unitId)
            .Select(u => new SubmissionUnit(u.Id, u.Name, u.NameEn, u.Kind)).FirstAsync(cancellationToken);
        var campaign = await db.Campaigns.AsNoTracking().Where(c => c.Id == period.CampaignId)
            .Select(c => new { c.Name, c.NameEn }).FirstAsync(cancellationToken);
        var live = await figures.CurrentAsync(period.CampaignId, unitId, period.From, period.To, cancellationToken);
        var stored = entity is null ? null
            : await db.Set<UnitSubmissionFigures>().AsNoTracking().FirstOrDefaultAsync(f => f.SubmissionId == entity.Id, cancellationToken);
        var submitted = SubmissionSnapshot.FromJson(stored?.Submitted);
        var previous = SubmissionSnapshot.FromJson(stored?.PreviouslySubmitted);
        var items = entity is null ? [] : await ItemsAsync(db, db.ReturnedItems.Where(r => r.SubmissionId == entity.Id), cancellationToken);
        var commented = items.Where(i => i.Open && i.EventId is not null).Select(i => i.EventId!.Value).ToHashSet();

        var was = submitted?.Events.ToDictionary(e => e.Id) ?? [];
        var events = live.Events.Select(e => Event(e, submitted is null ? SubmissionEventChange.None
                : !was.TryGetValue(e.Id, out var then) ? SubmissionEventChange.Added
                : then.Version != e.Version ? SubmissionEventChange.Changed
                : SubmissionEventChange.None, commented))
            .Concat((submitted?.Events ?? []).Where(e => live.Events.All(l => l.Id != e.Id)).Select(e => Event(e, SubmissionEventChange.Removed, commented)))
            .ToList();

        var people = await NamesAsync(db, [entity?.SubmittedById, entity?.ReviewedById], cancellationToken);
        var status = entity?.Status ?? SubmissionStatus.NotStarted;
        return new SubmissionView(
            entity?.Id, period, unit, campaign.Name, campaign.NameEn, status,
            SubmissionRules.IsLate(status, entity?.FirstSubmittedAt, period.DueDate, clock),
            entity?.Round ?? 0, Utc(entity?.SubmittedAt), Utc(entity?.FirstSubmittedAt), Name(people, entity?.SubmittedById),
            Utc(entity?.ReviewedAt), Name(people, entity?.ReviewedById), entity?.Note, entity?.ExcuseReason,
            live.Totals, submitted?.Totals, events,
            submitted is null ? [] : SubmissionSnapshot.Compare(submitted, live),
            previous is null || submitted is null ? [] : SubmissionSnapshot.Compare(previous, submitted),
            items,
            await figures.ChecklistAsync(period.CampaignId, unitId, period.From, period.To, cancellationToken),
            entity?.Version);
    }

    /// <summary>
    /// The unit's coordinators are told what was returned, naming the event (as it is now, else as submitted) and the
    /// figure; the notice is saved with the return itself.
    /// </summary>
    private async Task NotifyReturnedAsync(
        CampaignHubDbContext db, UnitSubmission entity, string comment, int? eventId, int? metricId, string? submitted, CancellationToken cancellationToken)
    {
        var (parameters, link) = await SubmissionNotices.ParametersAsync(db, entity.ReportingPeriodId, entity.UnitId, cancellationToken);
        parameters[NotificationParameters.Comment] = comment;
        if (eventId is { } id)
        {
            parameters[NotificationParameters.Event] = await db.Events.AsNoTracking().Where(e => e.Id == id).Select(e => e.Title).FirstOrDefaultAsync(cancellationToken)
                ?? SubmissionSnapshot.FromJson(submitted)?.Events.FirstOrDefault(e => e.Id == id)?.Title;
        }

        if (metricId is { } metric)
        {
            var name = await db.MetricDefinitions.AsNoTracking().Where(m => m.Id == metric).Select(m => new { m.Name, m.NameEn }).FirstAsync(cancellationToken);
            NotificationParameters.Name(parameters, NotificationParameters.Metric, name.Name, name.NameEn);
        }

        await notifier.NotifyUnitAsync(db, entity.UnitId, NotificationKind.SubmissionReturned, parameters, link, cancellationToken);
    }

    private static SubmissionEvent Event(SnapshotEvent e, SubmissionEventChange change, HashSet<int> commented) =>
        new(e.Id, e.Title, e.Kind, e.Channel, e.Status, e.Start, e.Highlight, e.Figures, e.Version, change, commented.Contains(e.Id));

    private static async Task<IReadOnlyList<ReturnedItemView>> ItemsAsync(CampaignHubDbContext db, IQueryable<ReturnedItem> items, CancellationToken cancellationToken)
    {
        var rows = await items.AsNoTracking()
            .OrderByDescending(r => r.Round).ThenBy(r => r.Id)
            .Select(r => new
            {
                r.Id, r.SubmissionId, r.Submission!.ReportingPeriodId, r.Submission.UnitId, r.Round, r.EventId,
                EventTitle = db.Events.Where(e => e.Id == r.EventId).Select(e => e.Title).FirstOrDefault(),
                MetricCode = r.Metric != null ? r.Metric.Code : null,
                r.Comment, r.CreatedAt, r.CreatedById, r.ResolvedAt,
            })
            .ToListAsync(cancellationToken);
        var people = await NamesAsync(db, rows.Select(r => r.CreatedById), cancellationToken);
        return rows.Select(r => new ReturnedItemView(r.Id, r.SubmissionId, r.ReportingPeriodId, r.UnitId, r.Round, r.EventId, r.EventTitle,
                r.MetricCode, r.Comment, Utc(r.CreatedAt)!.Value, Name(people, r.CreatedById), r.ResolvedAt is null, Utc(r.ResolvedAt)))
            .ToList();
    }

    /// <summary>Display names (else e-mails) of the users named.</summary>
    private static async Task<Dictionary<string, string>> NamesAsync(CampaignHubDbContext db, IEnumerable<string?> userIds, CancellationToken cancellationToken)
    {
        var ids = userIds.OfType<string>().Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.Email })
            .ToDictionaryAsync(u => u.Id, u => string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email ?? u.Id : u.DisplayName, cancellationToken);
    }

    private static string? Name(Dictionary<string, string> people, string? id) => id is null ? null : people.GetValueOrDefault(id, id);

    private static async Task ResolveOpenItemsAsync(CampaignHubDbContext db, int submissionId, DateTime now, CancellationToken cancellationToken)
    {
        foreach (var item in await db.ReturnedItems.Where(r => r.SubmissionId == submissionId && r.ResolvedAt == null).ToListAsync(cancellationToken))
        {
            item.ResolvedAt = now;
        }
    }

    /// <summary>A parallel step on the same submission (or a second first submission) is a 409 with its status now.</summary>
    private async Task SaveAsync(CampaignHubDbContext db, UnitSubmission entity, CancellationToken cancellationToken)
    {
        var periodId = entity.ReportingPeriodId;
        var unitId = entity.UnitId;
        await db.SaveOrConflictAsync(localizer["Reporting_Conflict"], async () =>
        {
            await using var fresh = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await StateAsync(fresh, periodId, unitId, cancellationToken);
        }, cancellationToken);
    }

    private static Task<SubmissionState?> StateAsync(CampaignHubDbContext db, int periodId, int unitId, CancellationToken cancellationToken) =>
        db.UnitSubmissions.AsNoTracking().Where(s => s.ReportingPeriodId == periodId && s.UnitId == unitId)
            .Select(s => new SubmissionState(s.Id, s.ReportingPeriodId, s.UnitId, s.Status, s.SubmittedAt, s.ReviewedAt, s.Version))
            .FirstOrDefaultAsync(cancellationToken);

    private void ThrowIfStale(UnitSubmission? entity, long? version)
    {
        if (entity is not null && version is { } expected && expected != entity.Version)
        {
            throw new ConcurrencyConflictException(localizer["Reporting_Conflict"], State(entity));
        }
    }

    private ConcurrencyConflictException Conflict(UnitSubmission entity, string key) =>
        new(string.Format(localizer[key], CodeTexts.Name(localizer, entity.Status)), State(entity));

    private static SubmissionState State(UnitSubmission s) =>
        new(s.Id, s.ReportingPeriodId, s.UnitId, s.Status, Utc(s.SubmittedAt), Utc(s.ReviewedAt), s.Version);

    private string? CheckText(ValidationErrors errors, string field, string? value, int max, string requiredKey)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            errors.Add(field, localizer[requiredKey]);
            return null;
        }

        if (text.Length > max)
        {
            errors.Add(field, string.Format(localizer["Error_TooLong"], max));
            return null;
        }

        return text;
    }

    private async Task<ReportingPeriodDetails> PeriodAsync(CampaignHubDbContext db, int periodId, CancellationToken cancellationToken) =>
        await ReportingPeriodService.Details(db.ReportingPeriods.Where(p => p.Id == periodId)).FirstOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException(string.Format(localizer["Reporting_Period_NotFound"], periodId));

    /// <summary>Only the campaign's own units report in its periods.</summary>
    private async Task RequireTakingPartAsync(CampaignHubDbContext db, int campaignId, int unitId, string field, bool notFound, CancellationToken cancellationToken)
    {
        if (await db.Set<CampaignUnit>().AnyAsync(c => c.CampaignId == campaignId && c.UnitId == unitId, cancellationToken))
        {
            return;
        }

        var message = string.Format(localizer["Reporting_Error_UnitNotInCampaign"], unitId);
        if (notFound)
        {
            throw new NotFoundException(message);
        }

        var errors = new ValidationErrors();
        errors.Add(field, message);
        errors.ThrowIfAny();
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>The association's calendar day of a stored UTC time.</summary>

    /// <summary>Stored times are UTC; the API writes them with their Z.</summary>
    internal static DateTime? Utc(DateTime? value) => value is { } v ? DateTime.SpecifyKind(v, DateTimeKind.Utc) : null;

    private NotFoundException NotFound(int id) => new(string.Format(localizer["Reporting_Submission_NotFound"], id));
}
