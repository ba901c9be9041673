using CampaignHub.Web.Data;
using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Association;
using CampaignHub.Web.Features.Common;
using CampaignHub.Web.Features.Figures;
using CampaignHub.Web.Features.Reports.Locks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CampaignHub.Web.Features.Events;

/// <summary>
/// Events and their figures: list, read, create, update, delete. Every write checks who may write (admins; a
/// coordinator for events of their committees), validates all input and refuses stale saves. The save path refuses
/// any change to an event a finalised report covers, before and after the change (<see cref="ReportLockGuard"/>),
/// and stamps, versions and audits every write (<see cref="SaveRules"/>).
/// </summary>
public sealed class EventService(
    IDbContextFactory<CampaignHubDbContext> dbFactory,
    AssociationClock clock,
    IStringLocalizer<SharedResource> localizer)
{
    public const int TitleMaxLength = 200;
    public const int NarrativeMaxLength = 20_000;

    public async Task<PagedResult<EventListItem>> ListAsync(EventQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var events = Filter(db.Events.AsNoTracking(), query);
        var total = await events.CountAsync(cancellationToken);

        events = (query.SortBy?.ToLowerInvariant(), query.Descending) switch
        {
            ("title", false) => events.OrderBy(e => e.Title).ThenBy(e => e.Id),
            ("title", true) => events.OrderByDescending(e => e.Title).ThenBy(e => e.Id),
            ("kind", false) => events.OrderBy(e => e.Kind).ThenBy(e => e.StartsAt).ThenBy(e => e.Id),
            ("kind", true) => events.OrderByDescending(e => e.Kind).ThenBy(e => e.StartsAt).ThenBy(e => e.Id),
            ("status", false) => events.OrderBy(e => e.Status).ThenBy(e => e.StartsAt).ThenBy(e => e.Id),
            ("status", true) => events.OrderByDescending(e => e.Status).ThenBy(e => e.StartsAt).ThenBy(e => e.Id),
            (_, true) => events.OrderByDescending(e => e.StartsAt).ThenByDescending(e => e.Id),
            _ => events.OrderBy(e => e.StartsAt).ThenBy(e => e.Id),
        };

        var size = Math.Clamp(query.PageSize, 1, EventQuery.MaxPageSize);
        // Far past the last page is an empty page, never an overflowing offset.
        var page = Math.Clamp(query.Page, 1, int.MaxValue / size);
        var rows = await events
            .Skip((page - 1) * size)
            .Take(size)
            .Select(e => new
            {
                e.Id,
                e.CampaignId,
                CampaignName = e.Campaign!.Name,
                e.Title,
                e.Kind,
                e.Channel,
                e.StartsAt,
                e.EndsAt,
                e.Status,
                e.Highlight,
                Place = e.Venue != null ? e.Venue.Name : e.HostOrganisation != null ? e.HostOrganisation.Name : e.Location,
            })
            .ToListAsync(cancellationToken);

        var ids = rows.Select(r => r.Id).ToList();
        var committees = await db.EventCommittees.AsNoTracking().Where(c => ids.Contains(c.EventId)).CommitteeNamesByEventAsync(cancellationToken);

        var items = rows.Select(r => new EventListItem(r.Id, r.CampaignId, r.CampaignName, r.Title, Codes<EventKind>.Of(r.Kind),
                Codes<EventChannel>.Of(r.Channel), r.StartsAt, r.EndsAt, Codes<EventStatus>.Of(r.Status), r.Highlight, r.Place,
                committees[r.Id].ToList()))
            .ToList();
        return new PagedResult<EventListItem>(items, total, page, size);
    }

    private static IQueryable<CampaignEvent> Filter(IQueryable<CampaignEvent> events, EventQuery query)
    {
        events = events.WhereMatches(query.CampaignId, query.CommitteeId, query.Kind, query.Channel);

        if (Codes<EventStatus>.TryParse(query.Status, out var status))
        {
            events = events.Where(e => e.Status == status);
        }

        if (query.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue);
            events = events.Where(e => e.StartsAt >= start);
        }

        if (query.To is { } to)
        {
            var end = Period.EndAfter(to);
            events = events.Where(e => e.StartsAt < end);
        }

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim();
            events = events.Where(e => e.Title.Contains(text) || (e.Location != null && e.Location.Contains(text)));
        }

        return events;
    }

    public async Task<EventDetails?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entity = await LoadAsync(db, id, tracking: false, cancellationToken);
        return entity is null ? null : await ToDetailsAsync(db, entity, cancellationToken);
    }

    public async Task<EventDetails> CreateAsync(Actor actor, EventInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var validated = await ValidateAsync(db, actor, input, cancellationToken);
        RequireWriteAccess(actor, input.CommitteeIds);

        var entity = new CampaignEvent { Title = "" };
        Apply(entity, input, validated);
        db.Events.Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        return await ToDetailsAsync(db, entity, cancellationToken);
    }

    /// <summary>
    /// Saves the event if nobody changed it since <paramref name="version"/>; otherwise throws
    /// <see cref="ConcurrencyConflictException"/> carrying the event as it is now.
    /// </summary>
    public async Task<EventDetails> UpdateAsync(Actor actor, int id, EventInput input, long version, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entity = await LoadAsync(db, id, tracking: true, cancellationToken) ?? throw NotFound(id);
        // Both the committees it has and the ones it would get must include one of the coordinator's.
        RequireWriteAccess(actor, entity.Committees.Select(c => c.CommitteeId));
        var validated = await ValidateAsync(db, actor, input, cancellationToken);
        RequireWriteAccess(actor, input.CommitteeIds);
        await ThrowIfStaleAsync(db, entity, version, cancellationToken);

        Apply(entity, input, validated);
        // Saving the event is a change of the event, even when only its committees, speakers or figures (or
        // nothing) changed: its version covers them all, and a locked event refuses the save.
        db.Entry(entity).State = EntityState.Modified;
        db.Entry(entity).Property(e => e.Version).OriginalValue = version;
        await SaveOrConflictAsync(db, id, cancellationToken);
        return await ToDetailsAsync(db, entity, cancellationToken);
    }

    public async Task DeleteAsync(Actor actor, int id, long? version, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entity = await LoadAsync(db, id, tracking: true, cancellationToken) ?? throw NotFound(id);
        RequireWriteAccess(actor, entity.Committees.Select(c => c.CommitteeId));
        if (version is { } expected)
        {
            await ThrowIfStaleAsync(db, entity, expected, cancellationToken);
            db.Entry(entity).Property(e => e.Version).OriginalValue = expected;
        }

        db.Events.Remove(entity);
        await SaveOrConflictAsync(db, id, cancellationToken);
    }

    /// <summary>Replaces the figures of an event (the figures form), with the event's version as the concurrency check.</summary>
    public Task<EventDetails> SaveFiguresAsync(Actor actor, int id, IReadOnlyDictionary<string, decimal> figures, long version, CancellationToken cancellationToken = default) =>
        UpdatePartAsync(actor, id, version, (db, entity, errors) => ApplyFiguresAsync(db, entity, figures, errors, cancellationToken), cancellationToken);

    private async Task<EventDetails> UpdatePartAsync(
        Actor actor, int id, long version, Func<CampaignHubDbContext, CampaignEvent, ValidationErrors, Task> change, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entity = await LoadAsync(db, id, tracking: true, cancellationToken) ?? throw NotFound(id);
        RequireWriteAccess(actor, entity.Committees.Select(c => c.CommitteeId));
        await ThrowIfStaleAsync(db, entity, version, cancellationToken);
        var errors = new ValidationErrors();
        await change(db, entity, errors);
        errors.ThrowIfAny();
        db.Entry(entity).State = EntityState.Modified;
        db.Entry(entity).Property(e => e.Version).OriginalValue = version;
        await SaveOrConflictAsync(db, id, cancellationToken);
        return await ToDetailsAsync(db, entity, cancellationToken);
    }

    /// <summary>
    /// Adds a photo to an event for those who may change the event. At most <see cref="PhotoRules.MaxBytes"/>, and
    /// only JPEG, PNG, WebP or GIF as the bytes prove; errors are named <c>photo</c> and <c>caption</c>.
    /// Photos do not change the event's version: adding one never conflicts with someone editing the event.
    /// </summary>
    public async Task<PhotoDetails> AddPhotoAsync(Actor actor, int eventId, string? fileName, Stream content, string? caption = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await RequireWritableEventAsync(db, actor, eventId, cancellationToken);

        // Reads one byte past the limit, so an oversized upload is recognised without reading all of it.
        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while (buffer.Length <= PhotoRules.MaxBytes
               && (read = await content.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, PhotoRules.MaxBytes + 1 - buffer.Length)), cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
        }

        var errors = new ValidationErrors();
        var bytes = buffer.ToArray();
        var contentType = PhotoRules.DetectContentType(bytes);
        if (bytes.Length == 0)
        {
            errors.Add("photo", localizer["Photo_Error_Empty"]);
        }
        else if (bytes.Length > PhotoRules.MaxBytes)
        {
            errors.Add("photo", string.Format(localizer["Photo_Error_TooLarge"], PhotoRules.MaxMegabytes));
        }
        else if (contentType is null)
        {
            errors.Add("photo", localizer["Photo_Error_NotImage"]);
        }

        if (caption?.Trim().Length > 300)
        {
            errors.Add("caption", string.Format(localizer["Error_TooLong"], 300));
        }

        errors.ThrowIfAny();
        var name = Path.GetFileName(fileName?.Replace('\\', '/') ?? "").Trim();
        var photo = new EventPhoto
        {
            EventId = eventId,
            FileName = string.IsNullOrEmpty(name) ? "photo" : name.Length > 200 ? name[^200..] : name,
            ContentType = contentType!,
            Length = bytes.Length,
            Content = bytes,
            Caption = Clean(caption),
        };
        db.EventPhotos.Add(photo);
        await db.SaveChangesAsync(cancellationToken);
        return new PhotoDetails(photo.Id, photo.FileName, photo.Length, photo.Caption);
    }

    public async Task DeletePhotoAsync(Actor actor, int eventId, int photoId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await RequireWritableEventAsync(db, actor, eventId, cancellationToken);
        var photo = await db.EventPhotos.FirstOrDefaultAsync(p => p.Id == photoId && p.EventId == eventId, cancellationToken)
                    ?? throw new NotFoundException(string.Format(localizer["Photo_NotFound"], photoId));
        db.EventPhotos.Remove(photo);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A photo's bytes for display; every signed-in user may see the photos of every event.</summary>
    public async Task<PhotoFile?> GetPhotoAsync(int eventId, int photoId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.EventPhotos.AsNoTracking()
            .Where(p => p.Id == photoId && p.EventId == eventId)
            .Select(p => new PhotoFile(p.FileName, p.ContentType, p.Content))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Photos are part of the event: the same people may change them (and not while a report locks it).</summary>
    private async Task RequireWritableEventAsync(CampaignHubDbContext db, Actor actor, int eventId, CancellationToken cancellationToken)
    {
        var committees = await db.Events.AsNoTracking().Where(e => e.Id == eventId)
            .Select(e => e.Committees.Select(c => c.CommitteeId).ToList())
            .FirstOrDefaultAsync(cancellationToken) ?? throw NotFound(eventId);
        RequireWriteAccess(actor, committees);
    }

    private static Task<CampaignEvent?> LoadAsync(CampaignHubDbContext db, int id, bool tracking, CancellationToken cancellationToken)
    {
        var query = db.Events
            .Include(e => e.Committees)
            .Include(e => e.Speakers)
            .Include(e => e.Figures)
            .AsSplitQuery();
        return (tracking ? query : query.AsNoTracking()).FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
    }

    private async Task ThrowIfStaleAsync(CampaignHubDbContext db, CampaignEvent entity, long version, CancellationToken cancellationToken)
    {
        if (entity.Version != version)
        {
            throw new ConcurrencyConflictException(localizer["Event_Conflict"], await ToDetailsAsync(db, entity, cancellationToken));
        }
    }

    /// <summary>Saves, or reports the event as it is now if someone saved it between our read and our write.</summary>
    private Task SaveOrConflictAsync(CampaignHubDbContext db, int id, CancellationToken cancellationToken) =>
        db.SaveOrConflictAsync(localizer["Event_Conflict"], () => GetAsync(id, cancellationToken), cancellationToken);

    private void RequireWriteAccess(Actor actor, IEnumerable<int> committeeIds)
    {
        if (!actor.CanWriteForCommittees(committeeIds))
        {
            throw new ForbiddenException(localizer["Event_Forbidden"]);
        }
    }

    private NotFoundException NotFound(int id) => new(string.Format(localizer["Event_NotFound"], id));

    /// <summary>Parsed codes of valid input; every problem is collected and thrown together, by field.</summary>
    private sealed record Validated(
        EventKind Kind, EventChannel Channel, OnlinePlatform? Platform, EventStatus Status, Campaign Campaign,
        IReadOnlyDictionary<string, MetricDefinition>? Catalogue);

    private async Task<Validated> ValidateAsync(CampaignHubDbContext db, Actor actor, EventInput input, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == input.CampaignId, cancellationToken);
        if (campaign is null)
        {
            errors.Add("campaignId", string.Format(localizer["Event_Error_UnknownCampaign"], input.CampaignId));
        }

        var title = input.Title?.Trim();
        if (string.IsNullOrEmpty(title))
        {
            errors.Add("title", localizer["Event_Error_TitleRequired"]);
        }
        else if (title.Length > TitleMaxLength)
        {
            errors.Add("title", string.Format(localizer["Error_TooLong"], TitleMaxLength));
        }

        if (!Codes<EventKind>.TryParse(input.Kind, out var kind))
        {
            errors.Add("kind", string.Format(localizer["Event_Error_UnknownKind"], input.Kind, string.Join(", ", Codes<EventKind>.All)));
        }

        if (!Codes<EventChannel>.TryParse(input.Channel, out var channel))
        {
            errors.Add("channel", string.Format(localizer["Event_Error_UnknownChannel"], input.Channel));
        }

        OnlinePlatform? platform = null;
        if (!string.IsNullOrWhiteSpace(input.Platform))
        {
            if (Codes<OnlinePlatform>.TryParse(input.Platform, out var parsed))
            {
                platform = parsed;
            }
            else
            {
                errors.Add("platform", string.Format(localizer["Event_Error_UnknownPlatform"], input.Platform, string.Join(", ", Codes<OnlinePlatform>.All)));
            }
        }

        var status = EventStatus.Planned;
        if (!string.IsNullOrWhiteSpace(input.Status) && !Codes<EventStatus>.TryParse(input.Status, out status))
        {
            errors.Add("status", string.Format(localizer["Event_Error_UnknownStatus"], input.Status));
        }

        if (input.Start is null)
        {
            errors.Add("start", localizer["Event_Error_StartRequired"]);
        }

        if (input.End is null)
        {
            errors.Add("end", localizer["Event_Error_EndRequired"]);
        }
        else if (input.Start is not null && clock.ToLocal(input.End.Value) < clock.ToLocal(input.Start.Value))
        {
            errors.Add("end", localizer["Event_Error_EndBeforeStart"]);
        }

        await ValidateCommitteesAsync(db, actor, input.CampaignId, input.CommitteeIds, errors, cancellationToken);
        await ValidatePlacesAsync(db, input, errors, cancellationToken);
        ValidateTexts(input, errors);

        var catalogue = input.Figures is null ? null : await ValidateFiguresAsync(db, input.Figures, errors, cancellationToken);

        errors.ThrowIfAny();
        return new Validated(kind, channel, platform, status, campaign!, catalogue);
    }

    private async Task ValidateCommitteesAsync(CampaignHubDbContext db, Actor actor, int campaignId, List<int> committeeIds, ValidationErrors errors, CancellationToken cancellationToken)
    {
        if (committeeIds.Count == 0)
        {
            errors.Add("committeeIds", localizer["Event_Error_CommitteeRequired"]);
            return;
        }

        var distinct = committeeIds.Distinct().ToList();
        var known = await db.Committees.Where(c => distinct.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken);
        foreach (var missing in distinct.Except(known))
        {
            errors.Add("committeeIds", string.Format(localizer["Event_Error_UnknownCommittee"], missing));
        }

        if (known.Count > 0 && !actor.CanWriteForCommittees(known) && !actor.IsAdmin && actor.IsCoordinator)
        {
            errors.Add("committeeIds", localizer["Event_Error_NotYourCommittee"]);
        }

        // A coordinator cannot move work into a campaign their committees do not take part in (its totals would change).
        if (!actor.IsAdmin && known.Count > 0)
        {
            var participating = await db.Set<CampaignCommittee>()
                .Where(c => c.CampaignId == campaignId && known.Contains(c.CommitteeId))
                .Select(c => c.CommitteeId).ToListAsync(cancellationToken);
            foreach (var outsider in known.Except(participating))
            {
                errors.Add("committeeIds", string.Format(localizer["Event_Error_CommitteeNotInCampaign"], outsider));
            }
        }
    }

    private async Task ValidatePlacesAsync(CampaignHubDbContext db, EventInput input, ValidationErrors errors, CancellationToken cancellationToken)
    {
        if (input.VenueId is { } venueId && !await db.Venues.AnyAsync(v => v.Id == venueId, cancellationToken))
        {
            errors.Add("venueId", string.Format(localizer["Event_Error_UnknownVenue"], venueId));
        }

        if (input.HostOrganisationId is { } hostId && !await db.Organisations.AnyAsync(o => o.Id == hostId, cancellationToken))
        {
            errors.Add("hostOrganisationId", string.Format(localizer["Event_Error_UnknownOrganisation"], hostId));
        }

        if (input.StopNumber is < 1)
        {
            errors.Add("stopNumber", localizer["Event_Error_StopNumber"]);
        }
    }

    private void ValidateTexts(EventInput input, ValidationErrors errors)
    {
        void Max(string field, string? value, int max)
        {
            if (value?.Length > max)
            {
                errors.Add(field, string.Format(localizer["Error_TooLong"], max));
            }
        }

        Max("platformDetail", input.PlatformDetail, 100);
        Max("venue", input.Location, 300);
        Max("seriesName", input.SeriesName, 200);
        Max("narrative", input.Narrative, NarrativeMaxLength);
        for (var i = 0; i < input.Speakers.Count; i++)
        {
            var speaker = input.Speakers[i];
            if (speaker is null)
            {
                errors.Add($"speakers[{i}]", localizer["Event_Error_SpeakerName"]);
                continue;
            }

            if (string.IsNullOrWhiteSpace(speaker.Name))
            {
                errors.Add($"speakers[{i}].name", localizer["Event_Error_SpeakerName"]);
            }

            Max($"speakers[{i}].name", speaker.Name, 100);
            Max($"speakers[{i}].affiliation", speaker.Affiliation, 200);
            Max($"speakers[{i}].talkTitle", speaker.TalkTitle, 300);
        }
    }

    /// <summary>Every code must be in the catalogue and active; every value a number of at least zero.</summary>
    internal Task<Dictionary<string, MetricDefinition>> ValidateFiguresAsync(
        CampaignHubDbContext db, IReadOnlyDictionary<string, decimal> figures, ValidationErrors errors, CancellationToken cancellationToken) =>
        FigureRules.ValidateAsync(db, figures, errors, localizer, cancellationToken);

    private void Apply(CampaignEvent entity, EventInput input, Validated validated)
    {
        entity.CampaignId = input.CampaignId;
        entity.Title = input.Title!.Trim();
        entity.Kind = validated.Kind;
        entity.Channel = validated.Channel;
        entity.Platform = validated.Platform;
        entity.PlatformDetail = Clean(input.PlatformDetail);
        entity.StartsAt = clock.ToLocal(input.Start!.Value);
        entity.EndsAt = clock.ToLocal(input.End!.Value);
        entity.VenueId = input.VenueId;
        entity.HostOrganisationId = input.HostOrganisationId;
        entity.Location = Clean(input.Location);
        entity.SeriesName = Clean(input.SeriesName);
        entity.StopNumber = input.StopNumber;
        entity.Narrative = Clean(input.Narrative);
        entity.Status = validated.Status;
        entity.Highlight = input.Highlight;

        var wanted = input.CommitteeIds.Distinct().ToHashSet();
        entity.Committees.RemoveAll(c => !wanted.Contains(c.CommitteeId));
        foreach (var id in wanted.Where(id => entity.Committees.All(c => c.CommitteeId != id)))
        {
            entity.Committees.Add(new EventCommittee { CommitteeId = id });
        }

        entity.Speakers.Clear();
        entity.Speakers.AddRange(input.Speakers.Select((s, i) => new EventSpeaker
        {
            Name = s.Name!.Trim(),
            Affiliation = Clean(s.Affiliation),
            TalkTitle = Clean(s.TalkTitle),
            SortOrder = i,
        }));

        if (input.Figures is not null)
        {
            SetFigures(entity, input.Figures, validated.Catalogue!);
        }

        // Figures follow their event: totals by campaign and date read them without a join.
        foreach (var figure in entity.Figures)
        {
            figure.CampaignId = entity.CampaignId;
            figure.Date = DateOnly.FromDateTime(entity.StartsAt);
        }
    }

    private async Task ApplyFiguresAsync(CampaignHubDbContext db, CampaignEvent entity, IReadOnlyDictionary<string, decimal> figures, ValidationErrors errors, CancellationToken cancellationToken)
    {
        var catalogue = await ValidateFiguresAsync(db, figures, errors, cancellationToken);
        if (errors.IsEmpty)
        {
            SetFigures(entity, figures, catalogue);
        }
    }

    /// <summary>Makes the event's figures exactly <paramref name="figures"/>: new ones added, changed ones updated, others removed.</summary>
    private static void SetFigures(CampaignEvent entity, IReadOnlyDictionary<string, decimal> figures, IReadOnlyDictionary<string, MetricDefinition> catalogue)
    {
        var wanted = figures.ToDictionary(f => catalogue[f.Key].Id, f => f.Value);
        // Figures of retired metrics are not in any form and cannot be sent: they stay as logged, in the totals.
        var active = catalogue.Values.Select(m => m.Id).ToHashSet();
        entity.Figures.RemoveAll(f => active.Contains(f.MetricDefinitionId) && !wanted.ContainsKey(f.MetricDefinitionId));
        foreach (var (metricId, value) in wanted)
        {
            var existing = entity.Figures.FirstOrDefault(f => f.MetricDefinitionId == metricId);
            if (existing is null)
            {
                entity.Figures.Add(new MetricValue
                {
                    MetricDefinitionId = metricId,
                    CampaignId = entity.CampaignId,
                    Date = DateOnly.FromDateTime(entity.StartsAt),
                    Value = value,
                });
            }
            else if (existing.Value != value)
            {
                existing.Value = value;
            }
        }
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private async Task<EventDetails> ToDetailsAsync(CampaignHubDbContext db, CampaignEvent entity, CancellationToken cancellationToken)
    {
        var committeeIds = entity.Committees.Select(c => c.CommitteeId).ToList();
        var lookups = await db.Campaigns.AsNoTracking().Where(c => c.Id == entity.CampaignId)
            .Select(c => new
            {
                c.Name,
                Venue = db.Venues.Where(v => v.Id == entity.VenueId).Select(v => v.Name).FirstOrDefault(),
                Host = db.Organisations.Where(o => o.Id == entity.HostOrganisationId).Select(o => o.Name).FirstOrDefault(),
            })
            .FirstAsync(cancellationToken);
        var committeeNames = await db.Committees.AsNoTracking().Where(c => committeeIds.Contains(c.Id))
            .OrderBy(c => c.Id).Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken);
        var codes = await db.MetricDefinitions.AsNoTracking().ToDictionaryAsync(m => m.Id, m => m.Code, cancellationToken);
        var photos = await db.EventPhotos.AsNoTracking().Where(p => p.EventId == entity.Id)
            .OrderBy(p => p.Id).Select(p => new PhotoDetails(p.Id, p.FileName, p.Length, p.Caption)).ToListAsync(cancellationToken);

        return new EventDetails(
            entity.Id, entity.CampaignId, lookups.Name,
            committeeNames.Select(c => c.Id).ToList(), committeeNames.Select(c => c.Name).ToList(),
            entity.Title, Codes<EventKind>.Of(entity.Kind), Codes<EventChannel>.Of(entity.Channel),
            entity.Platform is { } p ? Codes<OnlinePlatform>.Of(p) : null, entity.PlatformDetail,
            entity.StartsAt, entity.EndsAt, entity.VenueId, lookups.Venue, entity.HostOrganisationId, lookups.Host,
            entity.Location, entity.SeriesName, entity.StopNumber, entity.Narrative, Codes<EventStatus>.Of(entity.Status),
            entity.Highlight,
            entity.Speakers.OrderBy(s => s.SortOrder).Select(s => new SpeakerDetails(s.Name, s.Affiliation, s.TalkTitle)).ToList(),
            photos,
            entity.Figures.OrderBy(f => f.MetricDefinitionId).ToDictionary(f => codes[f.MetricDefinitionId], f => f.Value),
            entity.UpdatedAt, entity.Version);
    }
}
